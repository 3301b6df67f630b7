package org.sdqkd.restconf.gateway.impl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down failed logins: each failure from a source address, and each failure for a user name, doubles the delay
 * before the next 401 for them (from {@code base} up to {@code max}); a quiet period of {@code forget} resets it. A
 * source that is still serving its delay is refused without checking its password, so one address cannot keep the
 * password workers busy. Memory is bounded: the least recently failed entries are dropped beyond a fixed count.
 */
final class LoginThrottle {
    private static final int ENTRIES = 4096;

    private final long baseNanos;
    private final long maxNanos;
    private final long forgetNanos;
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Failures> eldest) {
            return size() > ENTRIES;
        }
    };

    /**
     * A throttle.
     *
     * @param base   the delay after a first failure
     * @param max    the longest delay
     * @param forget how long after the last failure the count is forgotten
     */
    LoginThrottle(final Duration base, final Duration max, final Duration forget) {
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
        this.forgetNanos = forget.toNanos();
    }

    /**
     * Whether a source must wait before its next password is checked.
     *
     * @param source the client's address
     * @return whether it is still serving the delay of its last failure
     */
    synchronized boolean isWaiting(final String source) {
        final Failures entry = current("source " + source, System.nanoTime());
        return entry != null && entry.until - System.nanoTime() > 0;
    }

    /**
     * Records a failure and tells how long to hold its answer.
     *
     * @param source the client's address
     * @param user   the user name tried, if any
     * @return the delay before the 401 is sent
     */
    synchronized Duration failed(final String source, final String user) {
        final long now = System.nanoTime();
        long delay = count("source " + source, now);
        if (user != null) {
            delay = Math.max(delay, count("user " + user, now));
        }
        return Duration.ofNanos(delay);
    }

    /**
     * Forgets the failures of a source once one of its logins succeeded.
     *
     * @param source the client's address
     */
    synchronized void succeeded(final String source) {
        failures.remove("source " + source);
    }

    /** How many addresses and users are remembered. */
    synchronized int entries() {
        return failures.size();
    }

    private long count(final String key, final long now) {
        final Failures previous = current(key, now);
        final int count = previous == null ? 1 : previous.count + 1;
        final long delay = count > 30 ? maxNanos : Math.min(maxNanos, baseNanos << Math.min(count - 1, 30));
        failures.put(key, new Failures(count, now, now + delay));
        return delay;
    }

    private Failures current(final String key, final long now) {
        final Failures entry = failures.get(key);
        if (entry != null && now - entry.last > forgetNanos) {
            failures.remove(key);
            return null;
        }
        return entry;
    }

    private record Failures(int count, long last, long until) {
    }
}
