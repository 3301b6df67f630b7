package org.sdqkd.ssh.qkd.impl;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.QkdExchange;
import org.sdqkd.ssh.qkd.api.QkdKeyException;

/** The attributes the hybrid key exchange keeps on connection contexts and sessions. */
public final class Attributes {
    /** Connection context: the client connection's hybrid settings. */
    public static final AttributeKey<ClientQkd> CLIENT = new AttributeKey<>();
    /** Connection context: the client offers standard methods only (a configured fallback). */
    public static final AttributeKey<Boolean> STANDARD_ONLY = new AttributeKey<>();
    /** Session: the last completed hybrid key exchange. */
    public static final AttributeKey<QkdExchange> LAST_EXCHANGE = new AttributeKey<>();
    /** Session: why the last hybrid key exchange could not get its QKD key at this end. */
    public static final AttributeKey<QkdKeyException.Reason> KEY_FAILURE = new AttributeKey<>();
    /**
     * Connection context: why the client's own key source gave no usable key, kept after the session has closed (MINA
     * clears the session's attributes when it closes). Only the client's key exchange sets it, never anything the
     * server sends: it is what a configured fallback is decided by.
     */
    public static final AttributeKey<AtomicReference<QkdKeyException.Reason>> CLIENT_KEY_FAILURE =
        new AttributeKey<>();

    private Attributes() {
    }

    /**
     * Notes on the session why its key exchange got no QKD key at this end.
     *
     * @param session the session
     * @param reason  the reason
     */
    static void keyFailed(final Session session, final QkdKeyException.Reason reason) {
        session.setAttribute(KEY_FAILURE, reason);
    }

    /**
     * Notes why the client's own key source gave no usable key, on the session and in its connection context.
     *
     * @param session the client session
     * @param reason  the reason
     */
    static void clientKeyFailed(final ClientSession session, final QkdKeyException.Reason reason) {
        keyFailed(session, reason);
        final AtomicReference<QkdKeyException.Reason> kept = clientKeyFailure(session);
        if (kept != null) {
            kept.set(reason);
        }
    }

    /**
     * Why the session's last key exchange got no QKD key at this end, from the session or, for a client, its
     * connection context.
     *
     * @param session the session
     * @return the reason, or null
     */
    public static QkdKeyException.Reason keyFailure(final Session session) {
        final QkdKeyException.Reason reason = session.getAttribute(KEY_FAILURE);
        if (reason != null || !(session instanceof ClientSession client)) {
            return reason;
        }
        final AtomicReference<QkdKeyException.Reason> kept = clientKeyFailure(client);
        return kept == null ? null : kept.get();
    }

    /**
     * The connection context's record of the client's own key failure.
     *
     * @param session the client session
     * @return the record, or null when the connection has no hybrid settings
     */
    public static AtomicReference<QkdKeyException.Reason> clientKeyFailure(final ClientSession session) {
        return session.getConnectionContext() == null ? null
            : session.getConnectionContext().getAttribute(CLIENT_KEY_FAILURE);
    }
}
