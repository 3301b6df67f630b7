package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.datastore.api.DataChange;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.Datastores;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.datastore.api.YangModels;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.MessageCodec;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * What every session of one agent shares: the datastores and models, the sessions by id, the locks as
 * ietf-netconf-monitoring reports them, the NETCONF event stream, confirmed commits and the counters.
 */
public final class AgentCore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCore.class);

    private final Datastores datastores;
    private final DataXml models;
    private final MessageCodec codec;
    private final int maxMessageBytes;
    private final Duration helloTimeout;
    private final ModuleSources sources;
    private final StateData state;
    private final List<URI> capabilities;
    private final Statistics statistics = new Statistics();
    private final NotificationBus notifications = new NotificationBus();
    private final ConfirmedCommits confirmedCommits;
    private final Operations operations;
    private final ScheduledExecutorService scheduler;
    /** Every session whose handler is running, from before its hello until its transport has closed. */
    private final Map<Long, AgentSession> sessions = new ConcurrentHashMap<>();
    /** Sessions whose transport closed before their handler registered them: they must not be served. */
    private final Set<Long> closedEarly = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private final Map<DatastoreName, StateData.HeldLock> locks = new EnumMap<>(DatastoreName.class);
    private final Registration runningListener;

    /**
     * Creates the shared state of an agent serving datastores.
     *
     * @param datastores      the datastores, opened on the models
     * @param limits          limits on received XML
     * @param maxMessageBytes the largest message accepted
     * @param helloTimeout    how long a client has to send its hello
     * @throws StorageException when a pending confirmed commit kept from before cannot be restored
     */
    public AgentCore(final Datastores datastores, final org.opendaylight.yangtools.yang.model.api
            .EffectiveModelContext context, final XmlLimits limits, final int maxMessageBytes,
            final Duration helloTimeout)
            throws StorageException {
        this.datastores = requireNonNull(datastores);
        this.models = new DataXml(context);
        this.codec = MessageCodec.of(limits);
        this.maxMessageBytes = maxMessageBytes;
        this.helloTimeout = requireNonNull(helloTimeout);
        this.sources = ModuleSources.fromClassPath();
        this.state = new StateData(models, sources);
        final List<URI> caps = new ArrayList<>(List.of(Capabilities.BASE_1_0, Capabilities.BASE_1_1,
            Capabilities.WRITABLE_RUNNING, Capabilities.CANDIDATE, Capabilities.CONFIRMED_COMMIT_1_1,
            Capabilities.ROLLBACK_ON_ERROR, Capabilities.VALIDATE_1_1, Capabilities.STARTUP, Capabilities.XPATH,
            Capabilities.withDefaults("explicit", "report-all,report-all-tagged,trim"), Capabilities.NOTIFICATION,
            Capabilities.INTERLEAVE,
            URI.create("urn:ietf:params:netconf:capability:yang-library:1.0?revision=2019-01-04&module-set-id="
                + state.contentId()),
            URI.create("urn:ietf:params:netconf:capability:yang-library:1.1?revision=2019-01-04&content-id="
                + state.contentId())));
        caps.addAll(state.moduleCapabilities());
        this.capabilities = List.copyOf(caps);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("netconf-agent-timer").daemon().factory());
        this.confirmedCommits = new ConfirmedCommits(datastores, YangModels.documentCodec(context), scheduler,
            (event, session, persistId, timeout) -> notifications.publish(
                BaseNotifications.confirmedCommit(event, session, sessionHost(session), persistId, timeout)));
        this.operations = new Operations(this, new EditConfig(models));
        this.runningListener = datastores.listen(DatastoreName.RUNNING, YangInstanceIdentifier.of(),
            this::runningChanged);
        confirmedCommits.restore();
    }

    Datastores datastores() {
        return datastores;
    }

    DataXml models() {
        return models;
    }

    MessageCodec codec() {
        return codec;
    }

    int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Runs an action when the hello timeout has passed, unless cancelled. */
    ScheduledFuture<?> afterHelloTimeout(final Runnable action) {
        return scheduler.schedule(action, helloTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    ModuleSources sources() {
        return sources;
    }

    List<URI> capabilities() {
        return capabilities;
    }

    Statistics statistics() {
        return statistics;
    }

    NotificationBus notifications() {
        return notifications;
    }

    ConfirmedCommits confirmedCommits() {
        return confirmedCommits;
    }

    Operations operations() {
        return operations;
    }

    /** A session that has exchanged hellos and not ended. */
    Optional<AgentSession> session(final long id) {
        return Optional.ofNullable(sessions.get(id)).filter(AgentSession::started);
    }

    /** The agent's state data: {@code /netconf-state} and {@code /yang-library}. */
    List<Element> stateData() {
        final Map<DatastoreName, StateData.HeldLock> held;
        synchronized (locks) {
            held = new EnumMap<>(locks);
        }
        return List.of(state.netconfState(capabilities, held,
            sessions.values().stream().filter(AgentSession::started).toList(), statistics),
            state.yangLibrary(), state.modulesState());
    }

    void locked(final DatastoreName datastore, final SessionId session) {
        synchronized (locks) {
            locks.put(datastore, new StateData.HeldLock(session.id(), Instant.now()));
        }
    }

    void unlocked(final DatastoreName datastore) {
        synchronized (locks) {
            locks.remove(datastore);
        }
    }

    /** Publishes a YANG notification of the models on the NETCONF stream. */
    public void publish(final Element event) {
        notifications.publish(event);
    }

    /**
     * Registers a session as its handler starts, before the hellos.
     *
     * @return false if its transport has closed already: the session must not be served
     */
    boolean register(final AgentSession session) {
        synchronized (lifecycle) {
            if (closedEarly.remove(session.id().id())) {
                return false;
            }
            sessions.put(session.id().id(), session);
            return true;
        }
    }

    /** The hellos are exchanged: the session is listed and announced, unless it has ended meanwhile. */
    void sessionStarted(final AgentSession session) {
        if (session.markStarted()) {
            statistics.session();
            notifications.publish(BaseNotifications.sessionStart(session.id(), sessionHost(session.id())));
        }
    }

    /**
     * Releases what a killed session holds before kill-session replies (RFC 6241 section 7.9): its locks, its
     * uncommitted candidate changes, its subscription and its non-persistent confirmed commit. An operation the
     * victim is running is let finish first, so that nothing it does lands after the release; the wait ends early
     * if the killer itself is ended meanwhile (two sessions killing each other).
     */
    void releaseKilled(final AgentSession victim, final AgentSession killer) {
        victim.end(() -> release(victim.id()));
        victim.awaitReleased(killer);
    }

    /** A session ended, whoever ended it: its locks, subscription and confirmed commit go with it. */
    public void sessionEnded(final SessionInfo info) {
        final AgentSession session;
        synchronized (lifecycle) {
            session = sessions.remove(info.sessionId());
            if (session == null) {
                // the transport closed before the handler ran: it will not serve
                closedEarly.add(info.sessionId());
                return;
            }
        }
        final SessionId id = session.id();
        // if an operation of the session is running, the release follows it on the session's thread
        session.end(() -> release(id));
        if (!session.started()) {
            return;
        }
        if (!session.endedByRequest()) {
            statistics.dropped();
        }
        notifications.publish(BaseNotifications.sessionEnd(id, Optional.of(session.info().remoteAddress())
                .map(a -> a.getAddress().getHostAddress()), session.terminationReason(), session.killedBy()));
    }

    /** Releases what a session that ended held: subscription, locks, candidate changes, confirmed commit. */
    private void release(final SessionId id) {
        notifications.unsubscribe(id.id());
        datastores.releaseSession(id);
        synchronized (locks) {
            locks.values().removeIf(lock -> lock.sessionId() == id.id());
        }
        try {
            scheduler.execute(() -> confirmedCommits.sessionEnded(id));
        } catch (RejectedExecutionException e) {
            // the agent is stopping: a confirmed commit without persist is rolled back when it starts again
            LOG.debug("session {} ended as the agent stops", id.id());
        }
    }

    private Optional<String> sessionHost(final SessionId id) {
        return session(id.id()).map(s -> s.info().remoteAddress()).map(a -> a.getAddress().getHostAddress());
    }

    private void runningChanged(final DataChange change) {
        if (!notifications.hasSubscribers()) {
            // the edit list is computed from the whole change: not for nobody
            return;
        }
        final Optional<String> host = sessionHost(change.changedBy());
        notifications.publish(BaseNotifications.configChange(models, change, host));
    }

    @Override
    public void close() {
        runningListener.close();
        scheduler.shutdownNow();
        sessions.values().forEach(AgentSession::kill);
        LOG.debug("agent core closed");
    }
}
