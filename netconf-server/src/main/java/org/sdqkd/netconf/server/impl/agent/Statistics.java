package org.sdqkd.netconf.server.impl.agent;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The agent-wide counters of RFC 6022 {@code /netconf-state/statistics}. */
final class Statistics {
    private final Instant startTime = Instant.now();
    private final AtomicLong inBadHellos = new AtomicLong();
    private final AtomicLong inSessions = new AtomicLong();
    private final AtomicLong droppedSessions = new AtomicLong();
    private final AtomicLong inRpcs = new AtomicLong();
    private final AtomicLong inBadRpcs = new AtomicLong();
    private final AtomicLong outRpcErrors = new AtomicLong();
    private final AtomicLong outNotifications = new AtomicLong();

    Instant startTime() {
        return startTime;
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

    void rpc() {
        inRpcs.incrementAndGet();
    }

    void badRpc() {
        inBadRpcs.incrementAndGet();
    }

    void rpcError() {
        outRpcErrors.incrementAndGet();
    }

    void notification() {
        outNotifications.incrementAndGet();
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

    long inRpcs() {
        return inRpcs.get();
    }

    long inBadRpcs() {
        return inBadRpcs.get();
    }

    long outRpcErrors() {
        return outRpcErrors.get();
    }

    long outNotifications() {
        return outNotifications.get();
    }
}
