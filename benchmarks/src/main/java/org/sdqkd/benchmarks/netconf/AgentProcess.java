package org.sdqkd.benchmarks.netconf;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * sdqkd's agent ({@link AgentMain}) in a JVM of its own, started with this JVM's {@code java} and class path, so
 * that the client's threads, heap and garbage collections are not the agent's (as netconfd is a process of its
 * own). Closing it ends standard input (the agent stops), kills the JVM if it lingers and deletes its directory.
 */
final class AgentProcess implements AutoCloseable {
    private static final long START_SECONDS = 120;
    private static final long STOP_SECONDS = 15;

    private final Process process;
    private final Path directory;
    private final int port;

    private AgentProcess(final Process process, final Path directory, final int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts the agent and waits until it announces its port.
     *
     * @param jvmOptions options for the agent's JVM (heap, flight recording...)
     * @return the running agent
     * @throws IOException if the JVM cannot be started or does not announce a port
     */
    static AgentProcess start(final List<String> jvmOptions) throws IOException {
        final Path directory = Files.createTempDirectory("sdqkd-bench-agent");
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentMain.class.getName(),
            directory.toString()));
        final Process process = new ProcessBuilder(command)
            .redirectError(directory.resolve("agent.log").toFile())
            .start();
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Thread reader = new Thread(() -> readOutput(process, port), "agent-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new AgentProcess(process, directory, port.get(START_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while the agent started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the agent did not start; its log:\n" + tail(directory.resolve("agent.log")), e);
        }
    }

    private static void readOutput(final Process process, final CompletableFuture<Integer> port) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(AgentMain.PORT_LINE)) {
                    port.complete(Integer.parseInt(line.substring(AgentMain.PORT_LINE.length()).trim()));
                }
            }
            port.completeExceptionally(new IOException("the agent's output ended before it announced a port"));
        } catch (IOException | RuntimeException e) {
            port.completeExceptionally(e);
        }
    }

    private static String tail(final Path log) {
        try {
            final List<String> all = Files.readAllLines(log, UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The agent's SSH port on 127.0.0.1. */
    int port() {
        return port;
    }

    /** The agent JVM's process. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(AgentProcess::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private static void delete(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
