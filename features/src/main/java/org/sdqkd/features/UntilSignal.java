package org.sdqkd.features;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a command's service running until SIGINT or SIGTERM: a shutdown hook closes the service and ends the process
 * with status 0, or 1 when closing failed (without {@code halt}, a JVM ended by a signal exits with 128 + its
 * number).
 */
final class UntilSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    private UntilSignal() {
    }

    /**
     * Installs the shutdown hook.
     *
     * @param command the subcommand's name, for messages
     * @param closer  closes the service
     * @param err     where "stopped" or the failure is printed
     * @return the handle to {@link #await()}
     */
    static UntilSignal install(final String command, final Runnable closer, final PrintWriter err) {
        final UntilSignal signal = new UntilSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> signal.stop(command, closer, err),
            "sdqkd-" + command + "-stop"));
        return signal;
    }

    /** Waits until the hook has closed the service (the process then ends). */
    void await() throws InterruptedException {
        stopped.await();
    }

    private void stop(final String command, final Runnable closer, final PrintWriter err) {
        int status = 0;
        try {
            closer.run();
            err.println("sdqkd " + command + ": stopped");
        } catch (RuntimeException e) {
            err.println("sdqkd " + command + ": did not close cleanly: " + e);
            status = 1;
        }
        err.flush();
        stopped.countDown();
        Runtime.getRuntime().halt(status);
    }
}
