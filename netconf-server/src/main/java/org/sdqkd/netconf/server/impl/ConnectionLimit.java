package org.sdqkd.netconf.server.impl;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.sshd.common.RuntimeSshException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a connection, as soon as it is accepted and before any SSH traffic, while the server already has its
 * maximum of connections open. Counting every connection, authenticated or not, bounds what unauthenticated clients
 * can take. (MINA's own {@code MAX_CONCURRENT_SESSIONS} counts per user, and only after authentication.)
 *
 * <p>Refusing means throwing from {@link #sessionCreated}: MINA then closes the socket and reports the session
 * closed. (Refusing earlier, from {@code IoServiceEventListener.connectionAccepted}, leaves the socket open in MINA
 * 2.20.)
 */
final class ConnectionLimit implements SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);

    private final int max;
    private final Set<Session> open = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Creates the limit.
     *
     * @param max the most connections open at once
     */
    ConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void sessionCreated(Session session) {
        synchronized (open) {
            if (open.size() >= max) {
                LOG.warn("Refused connection from {}: {} connections open", session.getRemoteAddress(), max);
                throw new RuntimeSshException("too many connections (" + max + ")");
            }
            open.add(session);
        }
    }

    @Override
    public void sessionClosed(Session session) {
        synchronized (open) {
            open.remove(session);
        }
    }
}
