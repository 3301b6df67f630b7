package org.sdqkd.yang;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs libyang's {@code yanglint} (Debian package {@code libyang2-tools}) on modules and instance
 * documents, and reads its error messages. The tests that use it fail, not skip, when it is missing: CI
 * installs it.
 */
public final class Yanglint {
    /** {@code libyang err : MESSAGE (Data location "PATH"[, line number N].)}, or Schema location. */
    private static final Pattern ERROR_LINE = Pattern.compile(
        "^libyang err : (.*?)(?: \\((?:Data|Schema) location \"([^\"]*)\"(?:, line number \\d+)?\\.\\))?$",
        Pattern.MULTILINE);

    /**
     * Outcome of one run.
     *
     * @param exitCode the exit code, 0 when the document is valid
     * @param output   everything yanglint printed
     */
    public record Result(int exitCode, String output) {
        public Result {
            requireNonNull(output);
        }

        /** Whether yanglint accepted the input. */
        public boolean ok() {
            return exitCode == 0;
        }

        /** The libyang errors printed, in order. */
        public List<LibyangError> errors() {
            final List<LibyangError> errors = new ArrayList<>();
            final Matcher matcher = ERROR_LINE.matcher(output);
            while (matcher.find()) {
                errors.add(new LibyangError(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2)));
            }
            return errors;
        }
    }

    /**
     * One error libyang reported.
     *
     * @param message the message, without its location
     * @param path    the data or schema location libyang names, empty if none
     */
    public record LibyangError(String message, String path) {
        public LibyangError {
            requireNonNull(message);
            requireNonNull(path);
        }
    }

    private final List<Path> searchDirs;

    /**
     * A runner searching modules in the given directories.
     *
     * @param searchDirs directories with the modules imported
     */
    public Yanglint(final List<Path> searchDirs) {
        this.searchDirs = List.copyOf(searchDirs);
    }

    /** Whether yanglint is installed. */
    public static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "yanglint"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Validates data files against the given modules. {@code -e} restricts the completeness checks
     * (mandatory nodes of modules without data) to the modules whose data is present.
     */
    public Result validateData(final List<Path> modules, final Path... dataFiles) throws IOException {
        final List<String> args = new ArrayList<>(List.of("-e"));
        modules.forEach(m -> args.add(m.toString()));
        for (Path data : dataFiles) {
            args.add(data.toString());
        }
        return run(args);
    }

    /** Parses and checks modules only. */
    public Result validateModules(final List<Path> modules) throws IOException {
        final List<String> args = new ArrayList<>();
        modules.forEach(m -> args.add(m.toString()));
        return run(args);
    }

    private Result run(final List<String> args) throws IOException {
        final List<String> command = new ArrayList<>(List.of("yanglint", "-D"));
        for (Path dir : searchDirs) {
            command.add("-p");
            command.add(dir.toString());
        }
        command.addAll(args);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("yanglint did not finish within 60 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for yanglint", e);
        }
        return new Result(process.exitValue(), output);
    }
}
