package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.sdqkd.restconf.gateway.spi.MountException;

/**
 * Calls into a mounted device ({@code MountPoints} and {@code MountedDevice} methods block for an exchange with the
 * device) with a bound on how long a request waits: each call runs on a virtual thread of its own, and when it has not
 * returned after the timeout it is interrupted and the request answers 504 with error-tag {@code operation-failed}.
 * So a device that never answers holds no Jetty thread longer than the timeout. An edit cut off this way may still
 * reach the device; the answer says its outcome is unknown.
 */
final class MountCalls {
    /** The default bound: longer than a NETCONF edit-config, validate and commit normally take. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Duration timeout;

    /** One call to the device. */
    @FunctionalInterface
    interface Call<T> {
        /**
         * Makes the call.
         *
         * @return its result
         * @throws MountException the device's refusal
         */
        T call() throws MountException;
    }

    MountCalls(final Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the mount timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
    }

    /** The bound. */
    Duration timeout() {
        return timeout;
    }

    /**
     * Makes a call, waiting at most the timeout.
     *
     * @param what what the call does, for the error message ("reading", "editing"...)
     * @param call the call
     * @return its result
     * @throws MountException   what the device answered
     * @throws RestconfException 504 when it did not answer in time, 503 when the request was interrupted
     */
    <T> T call(final String what, final Call<T> call) throws MountException, RestconfException {
        requireNonNull(call);
        final FutureTask<T> task = new FutureTask<>(call::call);
        Thread.ofVirtual().name("restconf-mount").start(task);
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new RestconfException(504, RestconfError.of(ErrorTag.OPERATION_FAILED, "the mounted device did "
                + "not answer within " + timeout.toMillis() + " ms while " + what
                + (what.startsWith("edit") ? "; whether the edit took effect is unknown" : "")));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new RestconfException(503, RestconfError.of(ErrorTag.OPERATION_FAILED,
                "the server is stopping"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MountException refused) {
                throw refused;
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a mount call failed", e.getCause());
        }
    }
}
