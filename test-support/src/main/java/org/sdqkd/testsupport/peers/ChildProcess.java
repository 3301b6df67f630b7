package org.sdqkd.testsupport.peers;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A long-running program a fixture started (a server), with its standard output and error in a log file. Closing
 * it ends the program and every process it started: politely (SIGTERM) first, then with SIGKILL.
 */
final class ChildProcess implements AutoCloseable {

    private static final long GRACE_MILLIS = 5_000;

    private final String name;
    private final Process process;
    private final Path log;
    private boolean closed;
    /** Guards {@code closed}: a second {@link #close()} waits until the first is done. */
    private final Object closeLock = new Object();

    private ChildProcess(final String name, final Process process, final Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a program with its standard input from {@code /dev/null}.
     *
     * @param name what to call it in messages
     * @param command the program and its arguments
     * @param environment variables to add to (or replace in) this JVM's environment
     * @param workingDirectory where it runs
     * @param log the file that receives its standard output and error
     * @return the running program
     * @throws IllegalStateException if it cannot be started
     */
    static ChildProcess start(final String name, final List<String> command, final Map<String, String> environment,
            final Path workingDirectory, final Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            ChildProcess child = new ChildProcess(name, builder.start(), log);
            ShutdownGuard.register(child);
            return child;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + " (" + command.get(0) + ")", e);
        }
    }

    /**
     * Tells whether the program is still running.
     *
     * @return true while it runs
     */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Returns the process, for checks that it and its children are gone.
     *
     * @return its handle
     */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Fails if the program has exited.
     *
     * @throws IllegalStateException with its exit status and the end of its log if it has
     */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue()
                + "; its log ends with:\n" + tail(log, 40));
        }
    }

    /**
     * Waits until a condition holds, checking every {@code pollMillis} that the program is still running.
     *
     * @param what what is awaited, for the message
     * @param timeout how long to wait
     * @param pollMillis how often to check
     * @param ready the condition
     * @throws IllegalStateException if the program exits (the message holds the end of its log) or the time runs out
     */
    void await(final String what, final Duration timeout, final long pollMillis, final BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not " + what + " within " + timeout
                    + "; its log ends with:\n" + tail(log, 30));
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
    }

    /**
     * Whether the program's output so far holds a text.
     *
     * @param text the text
     * @return true if it does; false if not or the log cannot be read
     */
    boolean logMentions(final String text) {
        try {
            return new String(Files.readAllBytes(log), UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the file that receives the program's output.
     *
     * @return its path
     */
    Path log() {
        return log;
    }

    /**
     * Ends the program and all its descendants, waiting until they are gone. Idempotent.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            killTree(process.toHandle());
            ShutdownGuard.unregister(this);
        }
    }

    /**
     * Ends a process and all its descendants: SIGTERM, then SIGKILL for those still there after a grace period.
     * The descendants are listed before the parent is signalled, since they are no longer its descendants once
     * it is gone.
     *
     * @param root the process
     */
    static void killTree(final ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        tree.addAll(root.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // killed below
            }
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // nothing more can be done than SIGKILL
            }
        }
    }

    /**
     * Returns the last lines of a log file, for error messages.
     *
     * @param file the file
     * @param lines how many lines at most
     * @return the lines, or a note that the file cannot be read
     */
    static String tail(final Path file, final int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(file), UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(" + file + " cannot be read: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
