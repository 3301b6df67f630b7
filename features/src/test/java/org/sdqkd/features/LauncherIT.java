package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sdqkd.yang.ExampleManifest;
import org.sdqkd.yang.ModelFiles;

/** Runs the {@code sdqkd} launcher script as a user would, on the packaged distribution. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("sdqkd.launcher", "../sdqkd"));

    /** What the launcher printed, and its exit status. */
    private record Run(int status, String output) {
    }

    @Test
    void validatesEveryValidExample() throws Exception {
        final List<String> args = new ArrayList<>(List.of("validate"));
        ModelFiles.validExamples().forEach(p -> args.add(p.toString()));
        final Run run = launch(args);
        assertEquals(0, run.status(), run.output());
        assertEquals(ModelFiles.validExamples().size(), run.output().lines().filter(l -> l.endsWith(": valid")).count(),
            run.output());
    }

    @Test
    void rejectsInvalidExamplesNamingTheirPaths() throws Exception {
        final List<String> args = new ArrayList<>(List.of("validate"));
        final List<Path> files = new ArrayList<>();
        for (ExampleManifest.Entry entry : ExampleManifest.load(ModelFiles.invalidExamplesDir()).entries()) {
            files.add(ModelFiles.invalidExamplesDir().resolve(entry.file()));
            args.add(files.getLast().toString());
        }
        final Run run = launch(args);
        assertEquals(1, run.status(), run.output());
        for (Path file : files) {
            assertTrue(run.output().lines().anyMatch(l -> l.startsWith(file + ": /")), file + " in " + run.output());
        }
    }

    @Test
    void printsItsVersionAndUsage() throws Exception {
        final Run version = launch(List.of("--version"));
        assertEquals(0, version.status());
        assertTrue(version.output().startsWith("sdqkd 0."), version.output());
        final Run help = launch(List.of("validate", "--help"));
        assertEquals(0, help.status());
        assertTrue(help.output().contains("Exit status:"), help.output());
    }

    private static Run launch(final List<String> args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(args);
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // test the distribution this build packaged; never start a nested build
        builder.environment().put("SDQKD_NO_BUILD", "1");
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
