package org.sdqkd.benchmarks.controller;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sdqkd.benchmarks.restconf.HttpConnection;

/**
 * A controller running in a process of its own, as an operator starts it: its process, its RESTCONF port, and what
 * {@code /proc} says of it (Linux): resident memory and CPU time. Closing it kills the process.
 */
final class ControllerProcess implements AutoCloseable {
    /** Clock ticks per second of {@code /proc/PID/stat} on Linux x86-64 and arm64 ({@code getconf CLK_TCK}). */
    private static final long TICKS_PER_SECOND = 100;
    private static final long POLL_MILLIS = 10;

    private final Process process;
    private final int port;
    private final Path log;
    private final long launched;

    private ControllerProcess(final Process process, final int port, final Path log, final long launched) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launched = launched;
    }

    /**
     * Starts a process, its output going to a log file.
     *
     * @param command the command line
     * @param environment variables to add
     * @param directory its working directory, where the log goes
     * @param port the RESTCONF port it will listen on
     * @return the process
     * @throws IOException when it cannot be started
     */
    static ControllerProcess launch(final List<String> command, final Map<String, String> environment,
            final Path directory, final int port) throws IOException {
        final Path log = directory.resolve("controller.log");
        final ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        final long launched = System.nanoTime();
        return new ControllerProcess(builder.start(), port, log, launched);
    }

    /**
     * Waits until a GET of {@code target} answers 200, polling every 10 ms.
     *
     * @param target the request target, such as {@code /restconf/yang-library-version}
     * @param timeout how long to wait
     * @return the nanoseconds from the launch of the process to that answer
     * @throws IOException when the process ends or the timeout passes first
     */
    long awaitGet(final String target, final Duration timeout) throws IOException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("the controller ended with status " + process.exitValue() + "; its log:\n"
                    + tail());
            }
            if (get(target) == 200) {
                return System.nanoTime() - launched;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no 200 for GET " + target + " within " + timeout + "; the log:\n" + tail());
            }
            sleep(POLL_MILLIS);
        }
    }

    /**
     * One GET on a new connection.
     *
     * @param target the request target
     * @return its status, or 0 when nothing listens yet
     */
    int get(final String target) {
        try (HttpConnection connection = new HttpConnection(new InetSocketAddress("127.0.0.1", port))) {
            return connection.exchange(connection.request("GET", target, null), false, false).status();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The RESTCONF port. */
    int port() {
        return port;
    }

    /** Resident memory now, kB ({@code VmRSS} of {@code /proc/PID/status}). */
    long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    /** Threads now ({@code Threads} of {@code /proc/PID/status}). */
    int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no Threads in /proc/" + process.pid() + "/status");
    }

    /** CPU time used so far, user and system, of every thread, in ms ({@code /proc/PID/stat}). */
    long cpuMillis() throws IOException {
        final String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // the fields after the command name, which is in parentheses and may hold spaces
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
    }

    private String tail() {
        try {
            final List<String> lines = Files.readAllLines(log, UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    static void sleep(final long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Kills the process (and what it started) and waits for it. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
