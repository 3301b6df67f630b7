package org.sdqkd.netconf.server.impl.agent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The rpc and notification counters of RFC 6022, kept alike for one session ({@code /netconf-state/sessions/session})
 * and for the whole agent ({@code /netconf-state/statistics}). A session's counters are made from the agent's
 * ({@link #forSession()}) and count into them as well, so every event is counted once, in one place.
 */
final class Counters {
    private final Counters total;
    private final AtomicLong inRpcs = new AtomicLong();
    private final AtomicLong inBadRpcs = new AtomicLong();
    private final AtomicLong outRpcErrors = new AtomicLong();
    private final AtomicLong outNotifications = new AtomicLong();

    private Counters(final Counters total) {
        this.total = total;
    }

    /** The counters of the whole agent. */
    static Counters forAgent() {
        return new Counters(null);
    }

    /** New counters of one session, counting into these too. */
    Counters forSession() {
        return new Counters(this);
    }

    /** An rpc was received ({@code in-rpcs}). */
    void rpc() {
        inRpcs.incrementAndGet();
        if (total != null) {
            total.rpc();
        }
    }

    /** An rpc was not valid ({@code in-bad-rpcs}). */
    void badRpc() {
        inBadRpcs.incrementAndGet();
        if (total != null) {
            total.badRpc();
        }
    }

    /** An rpc-reply with rpc-error was sent ({@code out-rpc-errors}). */
    void rpcError() {
        outRpcErrors.incrementAndGet();
        if (total != null) {
            total.rpcError();
        }
    }

    /** A notification was sent ({@code out-notifications}). */
    void notification() {
        outNotifications.incrementAndGet();
        if (total != null) {
            total.notification();
        }
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
