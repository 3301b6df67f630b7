package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.BaseNotification;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.concepts.Registration;
import org.sdqkd.controller.api.NodeSessionListener;
import org.sdqkd.controller.api.NodeSessions;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.DataChange;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.restconf.gateway.spi.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's live topology (issue 15 item 4). From every connected node's ETSI GS QKD 015 {@code qkd_node}
 * (read when it connects and every refresh interval) and its notifications (subscribed when it connects), it keeps
 * {@code network/link/state} and {@code network/node/state/qkdn-status} in the controller's operational datastore and
 * publishes {@code sdqkd-network:link-state-changed} on the gateway's event stream. All model data is handled as
 * generated bindings. The topology's own work runs on one thread; every node is read asynchronously on its own
 * session, so a slow or dead node delays no other. {@link #close()} stops it and leaves the operational data as it
 * is.
 */
public final class LiveTopology implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTopology.class);

    private final NodeSessions sessions;
    private final TopologySettings settings;
    private final NodeDataDecoder decoder;
    private final TopologyEncoder encoder;
    private final NetworkConfig config;
    private final OperationalWriter writer;
    private final NotificationSink sink;
    private final TopologyState state;
    private final ScheduledExecutorService loop;
    private final Map<NodeId, NodeWatch> watches = new HashMap<>();
    private final NodeSessionListener sessionListener = new SessionListener();
    private final Datastores datastores;
    private Registration configRegistration;
    private boolean batchPending;
    private long batchSince;

    private LiveTopology(final NodeSessions sessions, final Datastores datastores, final NotificationSink sink,
            final BindingDataCodec codec, final TopologySettings settings, final Clock clock) {
        this.sessions = requireNonNull(sessions);
        this.datastores = requireNonNull(datastores);
        this.sink = requireNonNull(sink);
        this.settings = requireNonNull(settings);
        this.decoder = new NodeDataDecoder(codec.nodeSerializer(), codec.modelContext());
        this.encoder = new TopologyEncoder(codec.nodeSerializer());
        this.config = new NetworkConfig(codec.nodeSerializer());
        this.writer = new OperationalWriter(datastores, encoder);
        this.state = new TopologyState(new PublishRule(settings.relativeChange()), clock);
        this.loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("controller-topology")
            .daemon().factory());
    }

    /**
     * Starts the topology: it reads the configuration, then follows the node sessions.
     *
     * @param sessions   the controller's sessions to its nodes
     * @param datastores the controller's datastores (running holds {@code sdqkd-network}; the topology writes
     *                   operational)
     * @param sink       where {@code link-state-changed} is published (the gateway's event stream)
     * @param codec      the binding codec of the project's models (shared: it takes about a second to make)
     * @param settings   intervals and thresholds
     * @return the running topology, to {@link #close()}
     */
    public static LiveTopology start(final NodeSessions sessions, final Datastores datastores,
            final NotificationSink sink, final BindingDataCodec codec, final TopologySettings settings) {
        return start(sessions, datastores, sink, codec, settings, Clock.systemUTC());
    }

    /**
     * A binding codec of every binding on the class path (the project's models, {@link YangModels#projectBindings()}),
     * for {@link #start}; a program makes one and shares it.
     *
     * @return the codec
     */
    public static BindingDataCodec newBindingCodec() {
        return ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no BindingDataCodecFactory on the class path"))
            .newBindingDataCodec(YangModels.projectBindings());
    }

    static LiveTopology start(final NodeSessions sessions, final Datastores datastores, final NotificationSink sink,
            final BindingDataCodec codec, final TopologySettings settings, final Clock clock) {
        final LiveTopology topology = new LiveTopology(sessions, datastores, sink, codec, settings, clock);
        topology.followConfiguration();
        final long interval = settings.refreshInterval().toMillis();
        topology.loop.scheduleWithFixedDelay(topology::refreshAll, interval, interval, TimeUnit.MILLISECONDS);
        sessions.addListener(topology.sessionListener);
        return topology;
    }

    private void followConfiguration() {
        configRegistration = datastores.listen(DatastoreName.RUNNING, encoder.networkPath(),
            change -> submit(() -> configure(change)));
        submit(() -> {
            config.read(datastores.snapshot(DatastoreName.RUNNING).read(encoder.networkPath())).applyTo(state);
            batchSoon();
        });
    }

    /** Stops following the sessions and the configuration, and stops the topology's thread. */
    @Override
    public void close() {
        sessions.removeListener(sessionListener);
        configRegistration.close();
        loop.shutdown();
        try {
            if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
        watches.values().forEach(NodeWatch::close);
    }

    private void submit(final Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("topology task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("topology closed; a late event is dropped");
        }
    }

    private void configure(final DataChange change) {
        config.read(change.after()).applyTo(state);
        batchSoon();
    }

    private void connected(final NodeId node, final NetconfSession session) {
        final NodeWatch old = watches.remove(node);
        if (old != null) {
            old.close();
        }
        final NodeWatch watch = new NodeWatch(node, session, decoder, settings.readTimeout(), new WatchListener());
        watches.put(node, watch);
        LOG.debug("topology: node {} connected", node.getValue());
        watch.start();
    }

    private void disconnected(final NodeId node) {
        final NodeWatch watch = watches.remove(node);
        if (watch != null) {
            watch.close();
        }
        state.disconnected(node);
        LOG.debug("topology: node {} disconnected", node.getValue());
        batchSoon();
    }

    private void read(final NodeWatch watch, final QkdNode data) {
        if (watches.get(watch.node()) != watch) {
            return;
        }
        if (data.getQkdnId() != null && !Ids.node(data.getQkdnId()).equals(watch.node()) && watch.firstMismatch()) {
            LOG.warn("node {} reports qkdn_id {}; its data is shown under the configured id", watch.node().getValue(),
                data.getQkdnId().getValue());
        }
        state.report(NodeReport.of(watch.node(), data));
        batchSoon();
    }

    private void notified(final NodeWatch watch, final BaseNotification notification) {
        if (watches.get(watch.node()) != watch) {
            return;
        }
        final Optional<LinkId> link = LinkNotifications.link(notification);
        if (link.isEmpty()) {
            return;
        }
        state.report(watch.node()).ifPresent(report -> {
            final var end = report.links().get(link.orElseThrow());
            if (end != null) {
                state.report(report.with(LinkNotifications.apply(end, notification)));
                batchSoon();
            }
        });
        watch.refresh();
    }

    private void refreshAll() {
        watches.values().forEach(NodeWatch::refresh);
    }

    private void batchSoon() {
        if (!batchPending) {
            batchPending = true;
            batchSince = System.nanoTime();
            try {
                loop.schedule(this::flush, settings.batchDelay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("topology closed; the last changes are not written");
            }
        }
    }

    private void flush() {
        batchPending = false;
        final TopologyUpdate update = state.update();
        if (update.isEmpty()) {
            return;
        }
        if (!writer.write(update)) {
            state.rewriteAll();
            batchSoon();
            return;
        }
        final Instant now = Instant.now();
        for (ShownLink link : update.publish()) {
            try {
                sink.publish(encoder.linkStateChanged(link), now);
            } catch (IllegalArgumentException e) {
                LOG.warn("link-state-changed for {} was refused: {}", link.id().getValue(), e.getMessage());
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("topology update: {} links written, {} removed, {} node status, {} published, {} us after the "
                + "first change it holds", update.links().size(), update.removed().size(), update.nodeStatus().size(),
                update.publish().size(), TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - batchSince));
        }
    }

    /** Session events, moved to the topology's thread. */
    private final class SessionListener implements NodeSessionListener {
        @Override
        public void connected(final NodeId node, final NetconfSession session) {
            final NodeId id = Ids.node(node);
            submit(() -> LiveTopology.this.connected(id, session));
        }

        @Override
        public void disconnected(final NodeId node) {
            final NodeId id = Ids.node(node);
            submit(() -> LiveTopology.this.disconnected(id));
        }
    }

    /** What the nodes' watches decode, moved to the topology's thread. */
    private final class WatchListener implements NodeWatch.Listener {
        @Override
        public void read(final NodeWatch watch, final QkdNode data) {
            submit(() -> LiveTopology.this.read(watch, data));
        }

        @Override
        public void notified(final NodeWatch watch, final BaseNotification notification) {
            submit(() -> LiveTopology.this.notified(watch, notification));
        }
    }
}
