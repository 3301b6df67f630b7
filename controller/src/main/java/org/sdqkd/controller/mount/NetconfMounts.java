package org.sdqkd.controller.mount;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.controller.api.NodeSessions;
import org.sdqkd.controller.impl.mount.NetconfMountedDevice;
import org.sdqkd.controller.impl.mount.NodeMounts;
import org.sdqkd.controller.impl.schema.LibraryBindings;
import org.sdqkd.controller.impl.schema.ResolverSettings;
import org.sdqkd.controller.impl.schema.SchemaContexts;
import org.sdqkd.controller.impl.schema.SchemaResolver;
import org.sdqkd.controller.impl.schema.SchemaSourceCache;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountPoints;
import org.sdqkd.restconf.gateway.spi.MountedDevice;

/**
 * The controller's NETCONF mounts: {@code network/node[node-id=X]} of {@code sdqkd-network} is the device behind
 * node X's current session ({@link NodeSessions}), in its own schema. A node's schema is resolved as soon as its
 * session comes up, from its YANG library (or {@code ietf-netconf-monitoring}, or its hello) with {@code get-schema},
 * each module source cached on disk as {@code name@revision.yang} under the cache directory, and one model context
 * shared by all nodes with the same module set; it is kept until the session changes. Register it with
 * {@code RestconfGateway.Builder#mountPoints}; close it when the controller stops. Thread-safe.
 */
public final class NetconfMounts implements MountPoints, AutoCloseable {
    private final LibraryBindings bindings;
    private final SchemaContexts contexts;
    private final NodeMounts nodes;

    /**
     * Mounts with the default settings ({@link MountSettings#DEFAULT}).
     *
     * @param sessions       the controller's sessions to its nodes
     * @param cacheDirectory where module sources are cached; created if missing
     * @throws IOException when the directory cannot be created
     */
    public NetconfMounts(final NodeSessions sessions, final Path cacheDirectory) throws IOException {
        this(sessions, cacheDirectory, MountSettings.DEFAULT);
    }

    /**
     * Mounts.
     *
     * @param sessions       the controller's sessions to its nodes
     * @param cacheDirectory where module sources are cached; created if missing
     * @param settings       timeouts and limits
     * @throws IOException when the directory cannot be created
     */
    public NetconfMounts(final NodeSessions sessions, final Path cacheDirectory, final MountSettings settings)
            throws IOException {
        this.bindings = LibraryBindings.create();
        this.contexts = new SchemaContexts();
        final SchemaResolver resolver = SchemaResolver.of(bindings,
            new SchemaSourceCache(cacheDirectory, settings.maxSchemaBytes()), contexts,
            new ResolverSettings(settings.schemaTimeout(), new Semaphore(settings.schemaFetches())));
        this.nodes = new NodeMounts(sessions, resolver, settings.rpcTimeout(), settings.schemaTimeout());
        nodes.start();
    }

    @Override
    public MountedDevice mountAt(final YangInstanceIdentifier mountPath) throws MountException {
        return nodes.device(nodeOf(mountPath));
    }

    /**
     * The device of a node, waiting for its schema: for the controller's own use and for benchmarks.
     *
     * @param node the node
     * @return the device
     * @throws MountException as {@link #mountAt}
     */
    public MountedDevice device(final NodeId node) throws MountException {
        return nodes.device(node);
    }

    /**
     * The resolution of a node's schema, which completes when the node is mounted (connected, schema ready).
     *
     * @param node the node
     * @return the future, when the node has a session now
     */
    public Optional<CompletableFuture<? extends MountedDevice>> ready(final NodeId node) {
        return nodes.resolution(node).map(future -> future);
    }

    /**
     * The modules left out of a node's mount because their sources could not be had or parsed (OpenDaylight's
     * "unavailable capabilities"), each with the reason.
     *
     * @param node the node
     * @return the modules, when the node is mounted now
     */
    public Optional<Map<String, String>> unavailableModules(final NodeId node) {
        return nodes.resolution(node).filter(CompletableFuture::isDone).filter(future -> !future
            .isCompletedExceptionally()).map(CompletableFuture::join).map(NetconfMountedDevice::schema)
            .map(schema -> schema.unresolved());
    }

    /** The number of distinct model contexts the mounts hold (one per distinct module set). */
    public int modelContexts() {
        return contexts.size();
    }

    /**
     * The node a mount path names.
     *
     * @param mountPath the path in front of {@code yang-ext:mount}
     * @return the node's id
     * @throws MountException {@code data-missing} when the path is not a {@code network/node} entry
     */
    NodeId nodeOf(final YangInstanceIdentifier mountPath) throws MountException {
        final Object binding;
        try {
            binding = bindings.serializer().fromYangInstanceIdentifier(mountPath);
        } catch (IllegalArgumentException e) {
            throw noMount(mountPath);
        }
        // the binding of network/node[node-id]: Node exists nowhere else in sdqkd-network
        if (binding instanceof DataObjectIdentifier.WithKey<?, ?> keyed && keyed.key() instanceof NodeKey key
                && Node.class.equals(keyed.lastStep().type())) {
            return key.getNodeId();
        }
        throw noMount(mountPath);
    }

    private static MountException noMount(final YangInstanceIdentifier mountPath) {
        return new MountException(ErrorTag.DATA_MISSING, "nothing can be mounted at " + mountPath
            + "; mounts are at sdqkd-network:network/node=ID");
    }

    @Override
    public void close() {
        nodes.close();
    }
}
