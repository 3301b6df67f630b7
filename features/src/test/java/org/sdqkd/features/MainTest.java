package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void everyCommandAtEveryLevelPrintsTheVersion() {
        final String expected = new VersionProvider().getVersion()[0];
        final List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), paths);
        assertFalse(paths.size() < 9, "sdqkd, its six subcommands and pki's three: " + paths);
        for (List<String> path : paths) {
            final StringWriter out = new StringWriter();
            final CommandLine line = new CommandLine(new Main());
            line.setOut(new PrintWriter(out));
            final List<String> args = new ArrayList<>(path);
            args.add("--version");
            assertEquals(0, line.execute(args.toArray(String[]::new)), String.join(" ", args));
            assertEquals(expected, out.toString().strip(), String.join(" ", args));
        }
    }

    private static void collect(final CommandLine command, final List<String> path, final List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            final List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, paths);
        });
    }
}
