package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sdqkd.yang.ExampleManifest;
import org.sdqkd.yang.ModelFiles;
import picocli.CommandLine;

class ValidateCommandTest {
    /** What one run of the command printed, and its exit status. */
    private record Run(int status, String out, String err) {
    }

    static List<ExampleManifest.Entry> invalidExamples() throws IOException {
        return ExampleManifest.load(ModelFiles.invalidExamplesDir()).entries();
    }

    @Test
    void exitsZeroAndNamesEachValidExample() {
        final List<String> args = new ArrayList<>(List.of("validate"));
        ModelFiles.validExamples().forEach(p -> args.add(p.toString()));
        final Run run = run(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        for (Path example : ModelFiles.validExamples()) {
            assertTrue(run.out().contains(example + ": valid"), run.out());
        }
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void exitsOneAndNamesThePathOfAnInvalidExample(final ExampleManifest.Entry entry) {
        final Path file = ModelFiles.invalidExamplesDir().resolve(entry.file());
        final Run run = run("validate", file.toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.err().startsWith(file + ": /"), run.err());
    }

    @Test
    void reportsEveryFileAndTheWorstStatus(@TempDir final Path dir) throws IOException {
        final Path valid = ModelFiles.validExamples().get(0);
        final Path invalid = dir.resolve("bad.json");
        Files.writeString(invalid, "{\"sdqkd-ssh-qkd:ssh-qkd\": {\"policy\": \"sometimes\"}}");
        final Path unreadable = dir.resolve("missing.xml");
        final Path unknownFormat = dir.resolve("data.yaml");
        Files.writeString(unknownFormat, "a: b");

        final Run run = run("validate", invalid.toString(), valid.toString(), unreadable.toString(),
            unknownFormat.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains(invalid + ": /sdqkd-ssh-qkd:ssh-qkd/policy: "), run.err());
        assertTrue(run.out().contains(valid + ": valid"), run.out());
        assertTrue(run.err().contains(unreadable + ": cannot read"), run.err());
        assertTrue(run.err().contains(unknownFormat + ": cannot read: " + unknownFormat + ": unknown format"),
            run.err());
    }

    @Test
    void requiresAFileAndASubcommand() {
        assertEquals(2, run("validate").status());
        final Run bare = run();
        assertEquals(2, bare.status());
        assertTrue(bare.err().contains("a subcommand is required"), bare.err());
    }

    private static Run run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        final int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
