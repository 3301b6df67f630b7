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
    /** Session: why the last hybrid key exchange could not get its QKD key, at either end. */
    public static final AttributeKey<QkdKeyException.Reason> KEY_FAILURE = new AttributeKey<>();
    /**
     * Connection context: the same reason for a client connection, kept after the session has closed (MINA clears
     * the session's attributes when it closes).
     */
    public static final AttributeKey<AtomicReference<QkdKeyException.Reason>> CLIENT_KEY_FAILURE =
        new AttributeKey<>();

    private Attributes() {
    }

    /**
     * Notes why a key exchange got no QKD key, on the session and, for a client, in its connection context.
     *
     * @param session the session
     * @param reason  the reason
     */
    static void keyFailed(final Session session, final QkdKeyException.Reason reason) {
        session.setAttribute(KEY_FAILURE, reason);
        if (session instanceof ClientSession client && client.getConnectionContext() != null) {
            final AtomicReference<QkdKeyException.Reason> kept = client.getConnectionContext()
                .getAttribute(CLIENT_KEY_FAILURE);
            if (kept != null) {
                kept.set(reason);
            }
        }
    }

    /**
     * Why the session's last key exchange got no QKD key, from the session or its connection context.
     *
     * @param session the session
     * @return the reason, or null
     */
    public static QkdKeyException.Reason keyFailure(final Session session) {
        final QkdKeyException.Reason reason = session.getAttribute(KEY_FAILURE);
        if (reason != null || !(session instanceof ClientSession client) || client.getConnectionContext() == null) {
            return reason;
        }
        final AtomicReference<QkdKeyException.Reason> kept = client.getConnectionContext()
            .getAttribute(CLIENT_KEY_FAILURE);
        return kept == null ? null : kept.get();
    }
}
