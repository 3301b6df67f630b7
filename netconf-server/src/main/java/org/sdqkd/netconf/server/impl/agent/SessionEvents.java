package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens as sessions start and end: each start and end is counted (RFC 6022 statistics) and announced
 * (RFC 6470 netconf-session-start and -end), and what an ended session held is released once, whoever ended it:
 * its subscription, its locks, its uncommitted candidate changes and its non-persistent confirmed commit. The release
 * never overlaps one of the session's operations.
 */
final class SessionEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);

    private final SessionRegistry registry;
    private final Statistics statistics;
    private final NotificationBus notifications;
    private final Datastores datastores;
    private final HeldLocks locks;
    private final ConfirmedCommits confirmedCommits;
    private final Executor timer;

    /**
     * Creates the session events of an agent.
     *
     * @param registry         the agent's sessions
     * @param statistics       counts sessions started and dropped
     * @param notifications    the NETCONF event stream
     * @param datastores       release a session's locks and candidate changes
     * @param locks            the locks as monitoring reports them
     * @param confirmedCommits roll back a confirmed commit without persist when its session ends
     * @param timer            the thread confirmed commits run on
     */
    SessionEvents(final SessionRegistry registry, final Statistics statistics, final NotificationBus notifications,
            final Datastores datastores, final HeldLocks locks, final ConfirmedCommits confirmedCommits,
            final Executor timer) {
        this.registry = requireNonNull(registry);
        this.statistics = requireNonNull(statistics);
        this.notifications = requireNonNull(notifications);
        this.datastores = requireNonNull(datastores);
        this.locks = requireNonNull(locks);
        this.confirmedCommits = requireNonNull(confirmedCommits);
        this.timer = requireNonNull(timer);
    }

    /** The hellos are exchanged: the session is listed and announced, unless it has ended meanwhile. */
    void started(final AgentSession session) {
        if (session.lifecycle().markStarted()) {
            statistics.session();
            SessionLog.started(session.info());
            notifications.publish(BaseNotifications.sessionStart(session.id(), registry.host(session.id())));
        }
    }

    /**
     * Kills a session for another (RFC 6241 section 7.9) and releases what the victim holds before kill-session
     * replies. An operation the victim is running is let finish first, so that nothing it does lands after the
     * release; the wait ends early if the killer itself is ended meanwhile (two sessions killing each other).
     */
    void kill(final AgentSession victim, final AgentSession killer) {
        victim.killBy(killer.id().id());
        final SessionId id = victim.id();
        victim.lifecycle().end(() -> release(id));
        victim.lifecycle().awaitReleased(killer.lifecycle());
    }

    /** A session's transport has closed, whoever closed it: what it held is released and its end announced. */
    void ended(final SessionInfo info) {
        final Optional<AgentSession> removed = registry.remove(info.sessionId());
        if (removed.isEmpty()) {
            // the transport closed before the handler ran: it will not serve
            return;
        }
        final AgentSession session = removed.orElseThrow();
        final SessionId id = session.id();
        // if an operation of the session is running, the release follows it on the session's thread
        session.lifecycle().end(() -> release(id));
        if (!session.lifecycle().started()) {
            SessionLog.endedBeforeHello(session.info());
            return;
        }
        if (!session.endedByRequest()) {
            statistics.dropped();
        }
        SessionLog.ended(session.info(), session.terminationReason(), session.killedBy());
        notifications.publish(BaseNotifications.sessionEnd(id, Optional.of(session.info().remoteAddress())
                .map(a -> a.getAddress().getHostAddress()), session.terminationReason(), session.killedBy()));
    }

    private void release(final SessionId id) {
        notifications.unsubscribe(id.id());
        datastores.releaseSession(id);
        locks.released(id);
        try {
            timer.execute(() -> confirmedCommits.sessionEnded(id));
        } catch (RejectedExecutionException e) {
            // the agent is stopping: a confirmed commit without persist is rolled back when it starts again
            LOG.debug("session {} ended as the agent stops", id.id());
        }
    }
}
