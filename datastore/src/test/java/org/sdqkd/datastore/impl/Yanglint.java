package org.sdqkd.datastore.impl;

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
 * Runs libyang's {@code yanglint} (Debian package {@code libyang2-tools}) on instance documents, as
 * {@code org.sdqkd.yang.Yanglint} does for the yang module, and reads its error messages. The tests that use
 * it fail, not skip, when it is missing: CI installs it.
 */
final class Yanglint {
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
    record Result(int exitCode, String output) {
        Result {
            requireNonNull(output);
        }

        boolean ok() {
            return exitCode == 0;
        }

        /** The libyang errors printed, in order. */
        List<LibyangError> errors() {
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
    record LibyangError(String message, String path) {
        LibyangError {
            requireNonNull(message);
            requireNonNull(path);
        }
    }

    private final List<Path> searchDirs;

    Yanglint(final List<Path> searchDirs) {
        this.searchDirs = List.copyOf(searchDirs);
    }

    /** Whether yanglint is installed. */
    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "yanglint"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Validates one data file against the given modules. {@code -e} restricts the completeness checks
     * (mandatory nodes of modules without data) to the modules whose data is present, as our validator does.
     */
    Result validateData(final List<Path> modules, final Path dataFile) throws IOException {
        final List<String> command = new ArrayList<>(List.of("yanglint", "-D", "-e"));
        for (Path dir : searchDirs) {
            command.add("-p");
            command.add(dir.toString());
        }
        modules.forEach(m -> command.add(m.toString()));
        command.add(dataFile.toString());
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
