package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code sdqkd node} run as a child process of the demo: same Java, same class path, output into a log file; it
 * writes a ready file with its bound ports once it runs.
 */
final class NodeProcess {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_CONFIG = "logback.configurationFile";

    private final String name;
    private final Process process;
    private final Path log;
    private final Path readyFile;

    private NodeProcess(final String name, final Process process, final Path log, final Path readyFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.readyFile = readyFile;
    }

    /**
     * Starts {@code sdqkd node --config CONFIG} in a new JVM.
     *
     * @param name       the node's name, for messages
     * @param config     its YAML file
     * @param runDir     where its log and ready file go
     * @param extraArgs  more options of {@code sdqkd node} (ports)
     * @return the process
     * @throws IOException when the process cannot be started
     */
    static NodeProcess start(final String name, final Path config, final Path runDir, final List<String> extraArgs)
            throws IOException {
        Files.createDirectories(runDir);
        final Path log = runDir.resolve(name.toLowerCase(java.util.Locale.ROOT) + ".log");
        final Path ready = runDir.resolve(name.toLowerCase(java.util.Locale.ROOT) + ".ready.json");
        Files.deleteIfExists(ready);
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // small heaps and the serial collector: three nodes share the machine with the demo itself
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC"));
        // the installed distribution's logging configuration (bin/sdqkd sets it), for the node's own log
        final String logConfig = System.getProperty(LOG_CONFIG);
        if (logConfig != null) {
            command.add("-D" + LOG_CONFIG + "=" + logConfig);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "node", "--config", config.toString(), "--ready-file", ready.toString(),
            // the node stops when the demo ends, however it ends (SIGKILL included)
            "--stop-with", Long.toString(ProcessHandle.current().pid())));
        command.addAll(extraArgs);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        return new NodeProcess(name, process, log, ready);
    }

    /** The node's name. */
    String name() {
        return name;
    }

    /** Its log file. */
    Path log() {
        return log;
    }

    /** Whether it still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The process ID. */
    long pid() {
        return process.pid();
    }

    /**
     * Waits until the node has written its ready file.
     *
     * @param timeout how long to wait
     * @return the ready file's content
     * @throws IOException when the process ended first, or the time ran out (the message quotes the log's end)
     */
    JsonNode awaitReady(final Duration timeout) throws IOException, InterruptedException {
        final Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(readyFile)) {
            if (!process.isAlive()) {
                throw new IOException(name + " stopped (exit status " + process.exitValue() + "):\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(name + " did not start within " + timeout.toSeconds() + " s:\n" + logTail());
            }
            Thread.sleep(100);
        }
        return JSON.readTree(readyFile.toFile());
    }

    /** Asks the node to stop (SIGTERM), and kills it if it has not stopped within {@code grace}. */
    void stop(final Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The last lines of the log. */
    String logTail() {
        try {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
