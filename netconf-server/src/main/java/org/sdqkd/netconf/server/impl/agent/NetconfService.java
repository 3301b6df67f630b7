package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.nacm.api.AccessControl;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The NETCONF layer of one agent, wired from its parts with plain constructors: the session registry, the counters,
 * the NETCONF event stream, confirmed commits, the operation handlers and the one table from operation name to
 * handler. {@link #sessionHandler()} serves the transport's {@code netconf} channels; {@link #close()} stops it.
 */
public final class NetconfService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfService.class);

    private final ScheduledExecutorService timer;
    private final NotificationBus notifications;
    private final SessionRegistry sessions;
    private final SessionHandler sessionHandler;
    private final Registration runningListener;

    /**
     * Creates the NETCONF layer of an agent serving datastores, and restores a pending confirmed commit.
     *
     * @param datastores      the datastores, opened on the models
     * @param context         the models
     * @param limits          limits on received XML
     * @param maxMessageBytes the largest message accepted
     * @param helloTimeout    how long a client has to send its hello
     * @throws StorageException when a pending confirmed commit kept from before cannot be restored
     */
    public NetconfService(final Datastores datastores, final EffectiveModelContext context, final XmlLimits limits,
            final int maxMessageBytes, final Duration helloTimeout) throws StorageException {
        this(datastores, context, limits, maxMessageBytes, helloTimeout, Optional.empty());
    }

    /**
     * Creates the NETCONF layer of an agent serving datastores with RFC 8341 access control, and restores a pending
     * confirmed commit.
     *
     * @param datastores      the datastores, opened on the models
     * @param context         the models
     * @param limits          limits on received XML
     * @param maxMessageBytes the largest message accepted
     * @param helloTimeout    how long a client has to send its hello
     * @param accessControl   the NACM engine every operation, read, change and notification is checked with; empty
     *                        for none (every authenticated user may do everything)
     * @throws StorageException when a pending confirmed commit kept from before cannot be restored
     */
    public NetconfService(final Datastores datastores, final EffectiveModelContext context, final XmlLimits limits,
            final int maxMessageBytes, final Duration helloTimeout, final Optional<AccessControl> accessControl)
            throws StorageException {
        requireNonNull(datastores);
        final SessionAccess access = new SessionAccess(accessControl, context);
        final DataXml models = new DataXml(context);
        final MessageCodec codec = MessageCodec.of(limits);
        final ModuleSources sources = ModuleSources.fromClassPath();
        final StateData stateData = new StateData(models, sources);
        final List<URI> capabilities = capabilities(stateData);
        final Statistics statistics = new Statistics();
        final HeldLocks locks = new HeldLocks();
        final NotificationBus bus = new NotificationBus(access);
        final SessionRegistry registry = new SessionRegistry();
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("netconf-agent-timer").daemon().factory());
        this.timer = scheduler;
        this.notifications = bus;
        this.sessions = registry;
        final ConfirmedCommits confirmedCommits = new ConfirmedCommits(datastores, YangModels.documentCodec(context),
            scheduler, (event, session, persistId, timeout) -> bus.publish(
                BaseNotifications.confirmedCommit(event, session, registry.host(session), persistId, timeout)));
        final SessionEvents events = new SessionEvents(registry, statistics, bus, datastores, locks,
            confirmedCommits, scheduler);
        final RpcDispatcher dispatcher = new RpcDispatcher(operations(
            new RetrievalOperations(datastores, models, new AgentState(stateData, capabilities, locks, registry,
                statistics), sources, access),
            new EditOperations(datastores, models, new EditConfig(models), access),
            new LockOperations(datastores, confirmedCommits, locks),
            new CommitOperations(datastores, models, confirmedCommits),
            new SessionOperations(registry, events, bus, models)), models, access);
        this.sessionHandler = new NetconfSessionHandler(registry, events,
            new HelloExchange(codec, capabilities, maxMessageBytes, scheduler, helloTimeout, statistics), dispatcher,
            codec, statistics);
        this.runningListener = datastores.listen(DatastoreName.RUNNING, YangInstanceIdentifier.of(), change -> {
            // the edit list is computed from the whole change: not for nobody
            if (bus.hasSubscribers()) {
                bus.publish(BaseNotifications.configChange(models, change, registry.host(change.changedBy())));
            }
        });
        confirmedCommits.restore();
    }

    /**
     * The one table of the agent's operations: each RPC's name, namespace and local name, to its handler.
     */
    private static Map<QName, RpcHandler> operations(final RetrievalOperations retrieval, final EditOperations edit,
            final LockOperations locks, final CommitOperations commits, final SessionOperations sessions) {
        return Map.ofEntries(
            Map.entry(base("get"), retrieval::get),
            Map.entry(base("get-config"), retrieval::getConfig),
            Map.entry(QName.create(Namespaces.NMDA, "get-data"), retrieval::getData),
            Map.entry(QName.create(Namespaces.MONITORING, "get-schema"), retrieval::getSchema),
            Map.entry(base("edit-config"), edit::editConfig),
            Map.entry(QName.create(Namespaces.NMDA, "edit-data"), edit::editData),
            Map.entry(base("copy-config"), edit::copyConfig),
            Map.entry(base("delete-config"), edit::deleteConfig),
            Map.entry(base("discard-changes"), edit::discardChanges),
            Map.entry(base("lock"), locks::lock),
            Map.entry(base("unlock"), locks::unlock),
            Map.entry(base("commit"), commits::commit),
            Map.entry(base("cancel-commit"), commits::cancelCommit),
            Map.entry(base("validate"), commits::validate),
            Map.entry(base("close-session"), sessions::closeSession),
            Map.entry(base("kill-session"), sessions::killSession),
            Map.entry(QName.create(Namespaces.NOTIFICATION, "create-subscription"), sessions::createSubscription));
    }

    private static QName base(final String name) {
        return QName.create(Namespaces.BASE, name);
    }

    /** The capabilities of the server's hello (RFC 6241 section 8). */
    private static List<URI> capabilities(final StateData state) {
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
        return List.copyOf(caps);
    }

    /** The transport's handler of {@code netconf} channels: each one is served as a NETCONF session. */
    public SessionHandler sessionHandler() {
        return sessionHandler;
    }

    /**
     * Publishes a YANG notification of the models on the NETCONF stream.
     *
     * @param event the notification's element, in its module's namespace
     */
    public void publish(final Element event) {
        notifications.publish(event);
    }

    /** Stops: no more confirmed-commit timeouts or config-change events, and every session ends. */
    @Override
    public void close() {
        runningListener.close();
        timer.shutdownNow();
        sessions.killAll();
        LOG.debug("NETCONF service closed");
    }
}
