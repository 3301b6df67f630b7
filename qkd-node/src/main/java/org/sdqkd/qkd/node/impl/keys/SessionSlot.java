package org.sdqkd.qkd.node.impl.keys;

import java.util.Optional;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.impl.link.LinkSession;

/**
 * A link's current channel session, whether the two stores were reconciled over it, and the peer's last STATE. A
 * new session replaces the one before; a closed slot takes none.
 */
final class SessionSlot {
    private LinkSession session;
    private boolean reconciled;
    private Frame.State peerState;
    private boolean closed;

    /**
     * Makes a session the current one.
     *
     * @param s the new session
     * @return the session it replaces, if any
     * @throws IllegalStateException when the slot is closed
     */
    synchronized Optional<LinkSession> open(final LinkSession s) {
        if (closed) {
            throw new IllegalStateException("the link is stopped");
        }
        final Optional<LinkSession> old = Optional.ofNullable(session);
        session = s;
        reconciled = false;
        peerState = null;
        return old;
    }

    /** Whether {@code s} is the current session of an open slot. */
    synchronized boolean isCurrent(final LinkSession s) {
        return session == s && !closed;
    }

    /** The current session, or null. */
    synchronized LinkSession current() {
        return session;
    }

    /** The current session once the stores are reconciled over it, or null. */
    synchronized LinkSession ready() {
        return reconciled ? session : null;
    }

    /** The stores were reconciled over {@code s}. */
    synchronized void reconciled(final LinkSession s) {
        if (session == s) {
            reconciled = true;
        }
    }

    /** The peer's last STATE over the current session, or null. */
    synchronized Frame.State peerState() {
        return peerState;
    }

    /** Whether the stores are reconciled over the current session. */
    synchronized boolean isReady() {
        return reconciled && session != null;
    }

    /** The peer sent a STATE over {@code s}. */
    synchronized void peerState(final LinkSession s, final Frame.State state) {
        if (session == s) {
            peerState = state;
        }
    }

    /**
     * A session ended.
     *
     * @param s the session
     * @return whether it was the current one (now there is none)
     */
    synchronized boolean ended(final LinkSession s) {
        if (session != s) {
            return false;
        }
        session = null;
        reconciled = false;
        peerState = null;
        return true;
    }

    /** Closes the slot; returns the session it held, or null. */
    synchronized LinkSession close() {
        closed = true;
        final LinkSession s = session;
        session = null;
        reconciled = false;
        peerState = null;
        return s;
    }
}
