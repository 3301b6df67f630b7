package org.sdqkd.controller.impl.mount;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.sdqkd.controller.api.NodeSessionListener;
import org.sdqkd.controller.api.NodeSessions;
import org.sdqkd.controller.impl.schema.SchemaResolutionException;
import org.sdqkd.controller.impl.schema.SchemaResolver;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mounted device of each connected node: its schema is resolved once per session, as soon as the session comes
 * up (on a virtual thread), and kept until the session changes; a failed resolution is kept as well, and reported on
 * each use, until the node reconnects. Thread-safe.
 */
public final class NodeMounts implements NodeSessionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeMounts.class);

    private final NodeSessions sessions;
    private final SchemaResolver resolver;
    private final Duration rpcTimeout;
    private final Duration resolveTimeout;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<NodeId, Mount> mounts = new ConcurrentHashMap<>();

    /**
     * The mounts of the nodes of a session source; call {@link #start()} to follow it.
     *
     * @param sessions       the controller's sessions
     * @param resolver       resolves a session's schema
     * @param rpcTimeout     how long each exchange through a mount waits
     * @param resolveTimeout how long a use waits for a schema being resolved
     */
    public NodeMounts(final NodeSessions sessions, final SchemaResolver resolver, final Duration rpcTimeout,
            final Duration resolveTimeout) {
        this.sessions = requireNonNull(sessions);
        this.resolver = requireNonNull(resolver);
        this.rpcTimeout = requireNonNull(rpcTimeout);
        this.resolveTimeout = requireNonNull(resolveTimeout);
    }

    /** Starts following the sessions: every node connected now is resolved at once. */
    public void start() {
        sessions.addListener(this);
    }

    @Override
    public void connected(final NodeId node, final NetconfSession session) {
        mountOf(node, session);
    }

    @Override
    public void disconnected(final NodeId node) {
        final Mount gone = mounts.remove(node);
        if (gone != null) {
            gone.device().cancel(true);
        }
    }

    /**
     * The device of a node, once its schema is resolved.
     *
     * @param node the node
     * @return the device
     * @throws MountException {@code resource-denied} when the node has no session now, {@code operation-failed} when
     *                        its schema could not be resolved (naming the modules)
     */
    public NetconfMountedDevice device(final NodeId node) throws MountException {
        final NetconfSession session = sessions.session(node).filter(NetconfSession::isOpen)
            .orElseThrow(() -> new MountException(ErrorTag.RESOURCE_DENIED, "node " + node.getValue()
                + " is not connected (it is not configured, or its NETCONF session is down)"));
        try {
            return mountOf(node, session).device().get(resolveTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MountException(ErrorTag.OPERATION_FAILED, "interrupted while node " + node.getValue()
                + "'s schema was resolved");
        } catch (TimeoutException e) {
            throw new MountException(ErrorTag.RESOURCE_DENIED, "node " + node.getValue() + "'s schema is still being "
                + "resolved; try again later");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SchemaResolutionException failed) {
                throw new MountException(ErrorTag.OPERATION_FAILED, "node " + node.getValue() + " cannot be mounted: "
                    + failed.getMessage());
            }
            throw new MountException(ErrorTag.OPERATION_FAILED, "node " + node.getValue() + " cannot be mounted: "
                + e.getCause());
        } catch (CancellationException e) {
            throw new MountException(ErrorTag.RESOURCE_DENIED, "node " + node.getValue() + " disconnected while its "
                + "schema was resolved");
        }
    }

    /**
     * The resolution of a node's schema now, started if needed: it completes once the node is mounted.
     *
     * @param node the node
     * @return the future device, when the node has a session
     */
    public Optional<CompletableFuture<NetconfMountedDevice>> resolution(final NodeId node) {
        return sessions.session(node).map(session -> mountOf(node, session).device());
    }

    private Mount mountOf(final NodeId node, final NetconfSession session) {
        return mounts.compute(node, (id, existing) -> existing != null && existing.session() == session ? existing
            : new Mount(session, CompletableFuture.supplyAsync(() -> resolve(id, session), threads)));
    }

    private NetconfMountedDevice resolve(final NodeId node, final NetconfSession session) {
        try {
            final long start = System.nanoTime();
            final NetconfMountedDevice device = new NetconfMountedDevice("node " + node.getValue(), session,
                resolver.resolve(session), rpcTimeout);
            LOG.debug("node {}: schema resolved in {} ms from {} ({} unresolved)", node.getValue(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), device.schema().origin(),
                device.schema().unresolved().size());
            return device;
        } catch (SchemaResolutionException e) {
            LOG.warn("node {} cannot be mounted: {}", node.getValue(), e.getMessage());
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    @Override
    public void close() {
        sessions.removeListener(this);
        mounts.values().forEach(mount -> mount.device().cancel(true));
        mounts.clear();
        threads.shutdownNow();
    }

    /** A node's session and its device being resolved or resolved. */
    private record Mount(NetconfSession session, CompletableFuture<NetconfMountedDevice> device) {
    }
}
