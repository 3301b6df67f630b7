package org.sdqkd.controller.impl.connection;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.controller.api.NodeSessionListener;
import org.sdqkd.controller.api.NodeSessions;
import org.sdqkd.controller.impl.config.ConnectionSettings;
import org.sdqkd.controller.impl.config.LocalKme;
import org.sdqkd.controller.impl.model.NetworkBindings;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.restconf.gateway.spi.NotificationSink;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.QkdKeySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's NETCONF sessions to the nodes of its running {@code sdqkd-network:network}: a change listener on
 * running connects each node that appears, reconnects one whose {@code netconf} settings changed and disconnects one
 * that was removed. One {@link NodeConnection} per node, all on one {@link NetconfClient} (a few shared threads; each
 * connect is asynchronous and bounded by its timeout, so a node that hangs stalls no other). Every change of a node's
 * state is handled on one state thread, in order: the operational {@code node/state}, the
 * {@code node-connection-changed} notification and the {@link NodeSessionListener}s.
 */
public final class NetconfNodeSessions implements NodeSessions, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfNodeSessions.class);

    private final Datastores datastores;
    private final NetworkBindings bindings;
    private final ConnectionSettings settings;
    private final NetconfClient client;
    private final Optional<CloseableKeySource> keySource;
    private final NodeStateRecorder recorder;
    private final ExecutorService stateThread;
    private final Map<NodeId, NodeConnection> connections = new ConcurrentHashMap<>();
    private final List<NodeSessionListener> listeners = new CopyOnWriteArrayList<>();
    /** Held while listeners are told, so that a listener added meanwhile misses nothing and hears nothing twice. */
    private final Object listenerLock = new Object();
    private final NodeConnection.SessionEvents events = new Events();
    private Registration registration;

    private NetconfNodeSessions(final Datastores datastores, final NotificationSink notifications,
            final ConnectionSettings settings) {
        this.datastores = requireNonNull(datastores);
        this.bindings = NetworkBindings.shared();
        this.settings = requireNonNull(settings);
        this.recorder = new NodeStateRecorder(datastores, bindings, notifications);
        this.stateThread = Executors.newSingleThreadExecutor(task -> {
            final Thread thread = new Thread(task, "controller-node-state");
            thread.setDaemon(true);
            return thread;
        });
        this.keySource = settings.kme().map(NetconfNodeSessions::keySource);
        this.client = NetconfClient.create();
    }

    /**
     * Starts keeping sessions to the nodes of running's network, now and as it changes.
     *
     * @param datastores    the controller's datastores
     * @param notifications where {@code node-connection-changed} is published
     * @param settings      the login, known hosts, local KME, timeouts and backoff
     * @return the sessions, to close when the controller stops
     */
    public static NetconfNodeSessions start(final Datastores datastores, final NotificationSink notifications,
            final ConnectionSettings settings) {
        final NetconfNodeSessions sessions = new NetconfNodeSessions(datastores, notifications, settings);
        sessions.registration = datastores.listen(DatastoreName.RUNNING, sessions.bindings.networkPath(),
            change -> sessions.reconcileLater());
        sessions.reconcileLater();
        return sessions;
    }

    @Override
    public Optional<NetconfSession> session(final NodeId node) {
        final NodeConnection connection = connections.get(requireNonNull(node));
        return connection == null ? Optional.empty() : connection.session();
    }

    @Override
    public void addListener(final NodeSessionListener listener) {
        requireNonNull(listener);
        synchronized (listenerLock) {
            listeners.add(listener);
            connections.forEach((node, connection) -> connection.session()
                .ifPresent(session -> listener.connected(node, session)));
        }
    }

    @Override
    public void removeListener(final NodeSessionListener listener) {
        synchronized (listenerLock) {
            listeners.remove(listener);
        }
    }

    /** Stops listening, closes every session and the client, and the key source. */
    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
        stateThread.execute(() -> {
            connections.values().forEach(NodeConnection::close);
            connections.clear();
        });
        stateThread.shutdown();
        try {
            if (!stateThread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the node state thread did not stop in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        keySource.ifPresent(CloseableKeySource::close);
    }

    /** Reconciles on the state thread with running as it is then (so the newest data always wins). */
    private void reconcileLater() {
        stateThread.execute(() -> {
            try {
                reconcile(datastores.snapshot(DatastoreName.RUNNING).read(bindings.networkPath()));
            } catch (RuntimeException e) {
                LOG.error("the network's nodes could not be read from running; sessions left as they are", e);
            }
        });
    }

    private void reconcile(final Optional<NormalizedNode> data) {
        final Map<NodeId, NodeEndpoint> wanted = new HashMap<>();
        if (data.isPresent()) {
            final Network network = bindings.network(data.get());
            for (Node node : network.nonnullNode().values()) {
                wanted.put(node.requireNodeId(), NodeEndpoint.of(node));
            }
        }
        for (NodeConnection connection : List.copyOf(connections.values())) {
            final NodeId node = connection.endpoint().node();
            final NodeEndpoint endpoint = wanted.get(node);
            if (endpoint == null) {
                LOG.info("node {} left the configuration; closing its session", node.getValue());
                connections.remove(node);
                connection.close();
                recorder.remove(node);
            } else if (!endpoint.equals(connection.endpoint())) {
                LOG.info("node {}: its NETCONF settings changed; connecting again", node.getValue());
                connections.remove(node);
                connection.close();
            }
        }
        wanted.forEach((node, endpoint) -> {
            if (!connections.containsKey(node)) {
                final NodeConnection connection = new NodeConnection(endpoint, settings, recorder, stateThread,
                    events);
                connections.put(node, connection);
                connection.start(client, settings, keySource.map(QkdKeySource.class::cast));
            }
        });
    }

    private static CloseableKeySource keySource(final LocalKme kme) {
        return QkdKeySources.etsi014(kme.url(), kme.tls(), kme.saeId(), kme.timeout());
    }

    /** Tells the listeners, in order, under the lock that {@link #addListener} takes. */
    private final class Events implements NodeConnection.SessionEvents {
        @Override
        public void up(final NodeConnection connection, final NetconfSession session) {
            synchronized (listenerLock) {
                for (NodeSessionListener listener : listeners) {
                    try {
                        listener.connected(connection.endpoint().node(), session);
                    } catch (RuntimeException e) {
                        LOG.warn("a node session listener failed", e);
                    }
                }
            }
        }

        @Override
        public void down(final NodeConnection connection) {
            synchronized (listenerLock) {
                for (NodeSessionListener listener : listeners) {
                    try {
                        listener.disconnected(connection.endpoint().node());
                    } catch (RuntimeException e) {
                        LOG.warn("a node session listener failed", e);
                    }
                }
            }
        }
    }
}
