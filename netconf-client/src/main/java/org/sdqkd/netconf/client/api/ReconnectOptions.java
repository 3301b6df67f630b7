package org.sdqkd.netconf.client.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The exponential backoff of a {@link ReconnectingSession}: after the n-th failed attempt in a row it waits
 * {@code min(max, initial * 2^(n-1))}, shortened by a random fraction up to {@code jitter} so that many sessions
 * dropped at once do not reconnect at once.
 *
 * @param initial the wait after the first failure (and after a drop)
 * @param max the longest wait
 * @param jitter the largest random fraction taken off a wait, 0 to 1
 */
public record ReconnectOptions(Duration initial, Duration max, double jitter) {

    /** One second, doubling up to one minute, 20 % jitter. */
    public static final ReconnectOptions DEFAULT = new ReconnectOptions(Duration.ofSeconds(1), Duration.ofMinutes(1),
        0.2);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if a duration is not positive, max is below initial, or jitter is out of
     *     0..1
     */
    public ReconnectOptions {
        requireNonNull(initial);
        requireNonNull(max);
        if (!initial.isPositive() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter out of 0..1: " + jitter);
        }
    }

    /**
     * The wait before the next attempt.
     *
     * @param failures the failed attempts in a row so far, at least 1
     * @param random a value in [0, 1)
     * @return the wait
     */
    public Duration delay(final int failures, final double random) {
        final int shift = Math.min(Math.max(failures - 1, 0), 30);
        final long initialNanos = initial.toNanos();
        final long maxNanos = max.toNanos();
        final long base = initialNanos > maxNanos >> shift ? maxNanos : Math.min(maxNanos, initialNanos << shift);
        return Duration.ofNanos(base - (long) (base * jitter * random));
    }
}
