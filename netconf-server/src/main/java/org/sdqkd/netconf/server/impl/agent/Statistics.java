package org.sdqkd.netconf.server.impl.agent;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent-wide counters of RFC 6022 {@code /netconf-state/statistics}: the start time, the hello and session
 * counters, and the rpc {@link Counters} every session's own counters count into.
 */
final class Statistics {
    private final Instant startTime = Instant.now();
    private final AtomicLong inBadHellos = new AtomicLong();
    private final AtomicLong inSessions = new AtomicLong();
    private final AtomicLong droppedSessions = new AtomicLong();
    private final Counters total = Counters.forAgent();

    Instant startTime() {
        return startTime;
    }

    /** New counters for a session, counting into {@link #total()}. */
    Counters newSession() {
        return total.forSession();
    }

    /** The rpc and notification counters of every session together. */
    Counters total() {
        return total;
    }

    void badHello() {
        inBadHellos.incrementAndGet();
    }

    void session() {
        inSessions.incrementAndGet();
    }

    void dropped() {
        droppedSessions.incrementAndGet();
    }

    long inBadHellos() {
        return inBadHellos.get();
    }

    long inSessions() {
        return inSessions.get();
    }

    long droppedSessions() {
        return droppedSessions.get();
    }
}
