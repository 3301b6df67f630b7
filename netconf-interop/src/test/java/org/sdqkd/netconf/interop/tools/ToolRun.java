package org.sdqkd.netconf.interop.tools;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished run of an external tool.
 *
 * @param command the command line, with the password replaced by {@code ***}
 * @param exitCode the exit status
 * @param stdout what it wrote to standard output
 * @param stderr what it wrote to standard error
 */
public record ToolRun(List<String> command, int exitCode, String stdout, String stderr) {

    /**
     * Runs a command to its end, with stdin empty and both outputs captured in files of {@code dir}.
     *
     * @param command the command line
     * @param secret a password on the command line, kept out of the record and of messages ("" for none)
     * @param dir where the outputs are kept (and the working directory)
     * @param environment variables to set in addition to the inherited ones
     * @param timeout after which the process and its children are killed and an {@link AssertionError} thrown
     * @return the run
     * @throws IOException if the process cannot start
     * @throws InterruptedException if interrupted while waiting
     */
    public static ToolRun run(final List<String> command, final String secret, final Path dir,
            final Map<String, String> environment, final Duration timeout) throws IOException, InterruptedException {
        List<String> shown = command.stream()
            .map(arg -> secret.isEmpty() ? arg : arg.replace(secret, "***")).toList();
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            destroyTree(process);
            throw new AssertionError(command.get(0) + " did not finish within " + timeout + ": "
                + shown + "\nstdout:\n" + Files.readString(out, UTF_8) + "\nstderr:\n"
                + Files.readString(err, UTF_8));
        }
        return new ToolRun(shown, process.exitValue(), Files.readString(out, UTF_8),
            Files.readString(err, UTF_8));
    }

    /**
     * Kills a process and everything it started.
     *
     * @param process the process
     */
    static void destroyTree(final Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Fails with a clear message when an executable is missing.
     *
     * @param executable the absolute path of the tool
     * @param packageName the Debian package that provides it
     */
    public static void requireExecutable(final Path executable, final String packageName) {
        if (!Files.isExecutable(executable)) {
            throw new AssertionError(executable + " not found: install the Debian package " + packageName);
        }
    }
}
