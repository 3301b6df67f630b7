package org.sdqkd.distribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The distribution archive unpacked into an empty directory, and its {@code bin/sdqkd} run as an operator would: from
 * a working directory outside any checkout, with a HOME of its own (so no {@code ~/.m2}), a PATH of system
 * directories only, and no class path or Maven variable inherited.
 */
final class UnpackedArchive {
    private static final long COMMAND_SECONDS = 180;

    private final Path home;
    private final Path userHome;
    private final Path work;

    private UnpackedArchive(final Path home, final Path userHome, final Path work) {
        this.home = home;
        this.userHome = userHome;
        this.work = work;
    }

    /**
     * Unpacks the archive the build made (system property {@code sdqkd.archive}) into {@code root/install}.
     *
     * @param root an empty directory
     * @return the unpacked archive
     * @throws IOException          when tar fails
     * @throws InterruptedException when interrupted
     */
    static UnpackedArchive unpack(final Path root) throws IOException, InterruptedException {
        final Path archive = Path.of(System.getProperty("sdqkd.archive"));
        assertTrue(Files.isRegularFile(archive), "no archive at " + archive + "; run mvn package first");
        final Path install = Files.createDirectories(root.resolve("install"));
        final Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", install.toString())
            .redirectErrorStream(true).start();
        final String output = new String(tar.getInputStream().readAllBytes(), UTF_8);
        assertEquals(0, tar.waitFor(), "tar: " + output);
        try (var entries = Files.list(install)) {
            final List<Path> top = entries.toList();
            assertEquals(1, top.size(), "one top directory in the archive: " + top);
            return new UnpackedArchive(top.get(0), Files.createDirectories(root.resolve("home")),
                Files.createDirectories(root.resolve("work")));
        }
    }

    /** The installation directory (sdqkd-VERSION). */
    Path home() {
        return home;
    }

    /** The HOME of the processes run. */
    Path userHome() {
        return userHome;
    }

    /** The working directory of the processes run. */
    Path work() {
        return work;
    }

    /**
     * Runs {@code bin/sdqkd ARGS} to its end.
     *
     * @param args its arguments
     * @return exit status and output (standard output and error merged)
     * @throws IOException          when it cannot start
     * @throws InterruptedException when interrupted
     */
    Result run(final String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /**
     * Runs {@code bin/sdqkd ARGS} to its end with more environment variables.
     *
     * @param env  more environment variables, replacing those of the same name
     * @param args its arguments
     * @return exit status and output (standard output and error merged)
     * @throws IOException          when it cannot start
     * @throws InterruptedException when interrupted
     */
    Result run(final Map<String, String> env, final String... args) throws IOException, InterruptedException {
        final ProcessBuilder builder = builder(List.of(args));
        builder.environment().putAll(env);
        final Process process = builder.redirectErrorStream(true).start();
        final byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS), "sdqkd " + String.join(" ", args));
        return new Result(process.exitValue(), new String(output, UTF_8));
    }

    /**
     * Starts {@code bin/sdqkd ARGS} with its output into a file.
     *
     * @param log  the file its standard output and error go to
     * @param env  more environment variables
     * @param args its arguments
     * @return the process
     * @throws IOException when it cannot start
     */
    Process start(final Path log, final Map<String, String> env, final String... args) throws IOException {
        final ProcessBuilder builder = builder(List.of(args));
        builder.environment().putAll(env);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private ProcessBuilder builder(final List<String> args) {
        final List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/sdqkd").toString());
        command.addAll(args);
        final ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        final Map<String, String> env = builder.environment();
        final String javaHome = env.get("JAVA_HOME");
        env.clear();
        env.put("HOME", userHome.toString());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        return builder;
    }

    /**
     * A finished command.
     *
     * @param status its exit status
     * @param output its standard output and error
     */
    record Result(int status, String output) {
    }
}
