package org.sdqkd.netconf.interop.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs libyang's {@code yanglint} on every YANG module of a directory together: {@code yanglint -p DIR DIR/*.yang}. */
public final class YanglintCheck {

    /** Where libyang2-tools installs yanglint. */
    public static final Path YANGLINT = Path.of("/usr/bin/yanglint");

    private YanglintCheck() {
    }

    /**
     * The outcome.
     *
     * @param modules the files checked
     * @param run the yanglint run
     */
    public record Result(List<Path> modules, ToolRun run) {

        /** @return yanglint's error lines (warnings are not errors) */
        public List<String> errors() {
            return Stream.concat(run.stdout().lines(), run.stderr().lines())
                .filter(l -> l.startsWith("libyang err") || l.startsWith("YANGLINT[E]")).toList();
        }

        /** @return whether yanglint exited 0 and printed no error */
        public boolean passed() {
            return run.exitCode() == 0 && errors().isEmpty();
        }
    }

    /**
     * Checks all {@code *.yang} files of a directory, with the directory as the search path for imports.
     *
     * @param dir the directory
     * @param timeout after which yanglint is killed
     * @return the outcome
     * @throws IOException if the directory cannot be read or yanglint cannot start
     * @throws InterruptedException if interrupted
     */
    public static Result check(final Path dir, final Duration timeout) throws IOException, InterruptedException {
        ToolRun.requireExecutable(YANGLINT, "libyang2-tools");
        List<Path> modules;
        try (Stream<Path> files = Files.list(dir)) {
            modules = files.filter(f -> f.getFileName().toString().endsWith(".yang")).sorted().toList();
        }
        if (modules.isEmpty()) {
            throw new AssertionError("no .yang file in " + dir);
        }
        List<String> command = new ArrayList<>(List.of(YANGLINT.toString(), "-p", dir.toString()));
        modules.forEach(m -> command.add(m.toString()));
        return new Result(modules, ToolRun.run(command, "", Files.createTempDirectory("yanglint"), Map.of(),
            timeout));
    }
}
