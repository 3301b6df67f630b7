package org.sdqkd.qkd.node.impl.agent;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.netconf.server.NetconfAgent;
import org.sdqkd.qkd.node.api.AgentBridge;
import org.sdqkd.qkd.node.api.KeyPlane;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.api.NodeAgentSettings;
import org.sdqkd.qkd.node.impl.routing.LinkStateRouter;
import org.sdqkd.qkd.node.impl.routing.LocalLinks;
import org.sdqkd.qkd.node.impl.routing.RouteChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge between the node's NETCONF agent (ETSI GS QKD 015 {@code qkd_node}) and its key plane. It applies
 * running's links and applications to the key plane at start and after every change, writes the node's state into
 * the operational datastore every state interval, and publishes the ETSI GS QKD 015 notifications. All its work runs
 * on one thread of its own. Configuration, state and notifications are generated binding objects
 * ({@code etsi-qkd-sdn-node}, {@code sdqkd-qkd-node}), turned into and out of NormalizedNodes by the node's
 * binding codec ({@link NodeBindings}).
 */
public final class NodeAgent implements AgentBridge {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);

    private final NetconfAgent agent;
    private final KeyPlane plane;
    private final NodeIdentity self;
    private final NodeAgentSettings settings;
    private final NodeBindings bindings;
    private final NodeMonitor monitor;
    private final NotificationListeners listeners = new NotificationListeners();
    private final ScheduledExecutorService executor;
    private Registration registration;
    private volatile LinkStateRouter router;
    private volatile List<LinkSpec> linkSpecs = List.of();

    private NodeAgent(final NetconfAgent agent, final KeyPlane plane, final NodeIdentity self,
            final NodeAgentSettings settings, final NodeBindings bindings) {
        this.agent = agent;
        this.plane = plane;
        this.self = self;
        this.settings = settings;
        this.bindings = bindings;
        this.monitor = new NodeMonitor(self.nodeId(), settings, event -> {
            final ContainerNode body = bindings.body(event);
            agent.publish(bindings.element(body));
            listeners.deliver(body);
        });
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread thread = new Thread(r, "qkd-node-agent");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the bridge: applies running's configuration to the key plane and writes the first operational state
     * before it returns, then follows running's changes and refreshes the state every state interval. Creates the
     * node's binding codec (about a second: it parses the models of the bindings on the class path).
     *
     * @param agent    the node's NETCONF agent (its datastores, models and notification stream)
     * @param plane    the node's key plane; the bridge does not close it
     * @param self     this node ({@code qkdn_id})
     * @param settings the intervals and the trace files
     * @return the running bridge, to {@link #close()}
     */
    public static NodeAgent start(final NetconfAgent agent, final KeyPlane plane, final NodeIdentity self,
            final NodeAgentSettings settings) {
        return start(agent, plane, self, settings, NodeBindings.create());
    }

    /**
     * Starts the bridge with the node's binding codec, created by the caller (once per node).
     *
     * @param agent    the node's NETCONF agent (its datastores, models and notification stream)
     * @param plane    the node's key plane; the bridge does not close it
     * @param self     this node ({@code qkdn_id})
     * @param settings the intervals and the trace files
     * @param bindings the node's binding codec
     * @return the running bridge, to {@link #close()}
     */
    public static NodeAgent start(final NetconfAgent agent, final KeyPlane plane, final NodeIdentity self,
            final NodeAgentSettings settings, final NodeBindings bindings) {
        final NodeAgent bridge = new NodeAgent(requireNonNull(agent), requireNonNull(plane), requireNonNull(self),
            requireNonNull(settings), requireNonNull(bindings));
        bridge.registration = agent.datastores().listen(DatastoreName.RUNNING, bridge.bindings.path(),
            change -> bridge.executor.execute(bridge::reconfigureAfterChange));
        try {
            bridge.executor.submit(bridge::reconfigure).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bridge.close();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException e) {
            bridge.close();
            throw new IllegalStateException("the node's configuration could not be applied", e.getCause());
        }
        final long interval = settings.stateInterval().toMillis();
        bridge.executor.scheduleWithFixedDelay(bridge::refresh, interval, interval, TimeUnit.MILLISECONDS);
        return bridge;
    }

    private void reconfigure() {
        final QkdNodeConfig config = ConfigReader.read(
            bindings.qkdNode(agent.datastores().snapshot(DatastoreName.RUNNING).root()));
        final Specs specs = Specs.of(config, self.nodeId(), settings.traceDirectory(), settings.traceLoader());
        specs.failed().forEach((id, reason) -> LOG.warn("link {} cannot run: {}", id, reason));
        plane.applyLinks(specs.links());
        linkSpecs = specs.links();
        plane.applyApplications(specs.applications());
        monitor.configure(config, specs, Instant.now());
        refresh();
    }

    /** Applies a changed configuration; a failure is logged and the previous links and applications stay. */
    private void reconfigureAfterChange() {
        try {
            reconfigure();
        } catch (RuntimeException e) {
            // the key plane refused the change (such as a port it cannot bind); the next change tries again
            LOG.error("the node's changed configuration could not be applied to the key plane", e);
        }
    }

    /**
     * Refreshes the operational state now, on the bridge's thread, and waits for it: reads the key plane, sends
     * the notifications due and writes the node's state, as every state interval does (for benchmarks and tests).
     *
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public void refreshNow() throws InterruptedException {
        try {
            executor.submit(this::refresh).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the state refresh failed", e.getCause());
        }
    }

    /**
     * Adds a link-state router's state to the node's: from the next refresh on, every refresh gives the router this
     * node's links with their metrics (from the key plane's reading) and writes its routing table and link metrics
     * into the operational {@code qkd_node} ({@code sdqkd-routing}'s {@code routing}); each route change is
     * published as {@code route-changed}, on the bridge's thread, to the NETCONF stream and the listeners.
     *
     * @param newRouter the node's router
     */
    public void attachRouter(final LinkStateRouter newRouter) {
        requireNonNull(newRouter).addListener(this::routeChanged);
        router = newRouter;
    }

    private void routeChanged(final RouteChange change) {
        try {
            executor.execute(() -> publish(RoutingEntries.notification(change)));
        } catch (RejectedExecutionException e) {
            LOG.debug("route change after the bridge closed: not published");
        }
    }

    private void publish(final Notification<?> event) {
        final ContainerNode body = bindings.body(event);
        agent.publish(bindings.element(body));
        listeners.deliver(body);
    }

    @Override
    public Registration onNotification(final Consumer<ContainerNode> listener) {
        return listeners.add(listener);
    }

    /** Reads the key plane, sends the notifications due and writes the operational state. */
    private void refresh() {
        try {
            final List<LinkState> links = plane.links();
            QkdNode state = monitor.tick(links, plane.applications(), Instant.now());
            final LinkStateRouter current = router;
            if (current != null) {
                current.updateLinks(LocalLinks.of(linkSpecs, links));
                state = new QkdNodeBuilder(state).addAugmentation(RoutingEntries.augmentation(current.table(),
                    current.links())).build();
            }
            final var node = bindings.normalized(state);
            try (DataTransaction tx = agent.datastores().newTransaction(DatastoreName.OPERATIONAL,
                    SessionId.SYSTEM)) {
                tx.write(bindings.path(), node);
                tx.commit();
            }
        } catch (DatastoreException e) {
            LOG.warn("the node's operational state could not be written", e);
        } catch (RuntimeException e) {
            // a failing refresh must not end the periodic task; the next interval tries again
            LOG.error("the node's state refresh failed", e);
        }
    }

    /** Stops following running and refreshing the state, and removes the node's operational state. */
    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the node agent's thread did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (DataTransaction tx = agent.datastores().newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.delete(bindings.path());
            tx.commit();
        } catch (DatastoreException e) {
            LOG.warn("the node's operational state could not be removed", e);
        }
    }
}
