package org.sdqkd.netconf.server.impl.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sdqkd.datastore.api.SessionId;

/**
 * The sessions of one agent by session-id, from before their hello until their transport has closed: kill-session
 * finds its victim here, {@code /netconf-state/sessions} lists them, and notifications name their source host.
 */
final class SessionRegistry {
    /** Every session whose handler is running, from before its hello until its transport has closed. */
    private final Map<Long, AgentSession> sessions = new ConcurrentHashMap<>();
    /** Sessions whose transport closed before their handler registered them: they must not be served. */
    private final Set<Long> closedEarly = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();

    /**
     * Registers a session as its handler starts, before the hellos.
     *
     * @return false if its transport has closed already: the session must not be served
     */
    boolean register(final AgentSession session) {
        synchronized (lock) {
            if (closedEarly.remove(session.id().id())) {
                return false;
            }
            sessions.put(session.id().id(), session);
            return true;
        }
    }

    /**
     * Removes a session whose transport has closed.
     *
     * @return the session, or empty if its handler has not registered it yet: it will not be served
     */
    Optional<AgentSession> remove(final long id) {
        synchronized (lock) {
            final AgentSession session = sessions.remove(id);
            if (session == null) {
                closedEarly.add(id);
            }
            return Optional.ofNullable(session);
        }
    }

    /** A session that has exchanged hellos and not ended. */
    Optional<AgentSession> session(final long id) {
        return Optional.ofNullable(sessions.get(id)).filter(s -> s.lifecycle().started());
    }

    /** The sessions that have exchanged hellos and not ended. */
    List<AgentSession> started() {
        return sessions.values().stream().filter(s -> s.lifecycle().started()).toList();
    }

    /** The source host of a session, if it is one that has started and not ended. */
    Optional<String> host(final SessionId id) {
        return session(id.id()).map(s -> s.info().remoteAddress()).map(a -> a.getAddress().getHostAddress());
    }

    /** Ends every session, as the agent stops. */
    void killAll() {
        sessions.values().forEach(AgentSession::kill);
    }
}
