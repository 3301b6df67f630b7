package org.sdqkd.features;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The terminal of a long-running subcommand ({@code agent}, {@code controller}, {@code node}): its output, and its
 * errors prefixed with {@code sdqkd NAME:} and ending the command with an exit status.
 *
 * @param name the subcommand's name, for messages
 * @param out  its standard output
 * @param err  its standard error
 */
record CommandConsole(String name, PrintWriter out, PrintWriter err) {
    /** The console of a picocli command. */
    static CommandConsole of(final String name, final CommandSpec spec) {
        return new CommandConsole(name, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Prints {@code sdqkd NAME: message} on standard error.
     *
     * @param status  the exit status to return
     * @param message what went wrong
     * @return {@code status}
     */
    int fail(final int status, final String message) {
        err.println("sdqkd " + name + ": " + message);
        err.flush();
        return status;
    }

    /** Whether an optional port option is absent or in 0..65535. */
    static boolean validPort(final Integer port) {
        return port == null || port >= 0 && port <= 0xFFFF;
    }

    /**
     * Prints the line saying the service runs, then waits until SIGINT or SIGTERM has closed it (see
     * {@link UntilSignal}; the process then ends).
     *
     * @param signal    the installed hook
     * @param readyLine what runs where
     * @return 0, should the wait ever return
     * @throws InterruptedException when this thread is interrupted while it waits
     */
    int runUntilSignal(final UntilSignal signal, final String readyLine) throws InterruptedException {
        out.println(readyLine);
        out.flush();
        signal.await();
        return 0;
    }
}
