package org.sdqkd.controller.impl.connection;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.ConnectionStatus;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.NodeConnectionChangedBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.State;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.StateBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.controller.impl.model.NetworkBindings;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.restconf.gateway.spi.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the connection part of each node's operational {@code node/state} (connection, last-change, message,
 * session-id, capability, key-exchange, qkd-key-id, host-key-check, host-key-fingerprint) into the controller's
 * operational datastore, built with the generated builders and turned into data by the binding codec, and publishes
 * {@code node-connection-changed} when the connection status changes. It merges its leaves and removes only those of
 * its leaves that are absent now, so other parts of the state (such as {@code qkdn-status}, written by the topology)
 * stay. Called from one thread at a time.
 */
final class NodeStateRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(NodeStateRecorder.class);

    private final Datastores datastores;
    private final NetworkBindings bindings;
    private final NotificationSink notifications;
    /** The state leaves this class owns, found by normalizing a state that has all of them. */
    private final Set<NodeIdentifier> ownedLeaves;

    NodeStateRecorder(final Datastores datastores, final NetworkBindings bindings,
            final NotificationSink notifications) {
        this.datastores = requireNonNull(datastores);
        this.bindings = requireNonNull(bindings);
        this.notifications = requireNonNull(notifications);
        this.ownedLeaves = ownedLeaves(bindings);
    }

    /**
     * Records a node's connection state.
     *
     * @param node          the node
     * @param state         its state, with only this class's leaves set
     * @param statusChanged whether the connection status changed, which publishes {@code node-connection-changed}
     */
    void record(final NodeId node, final State state, final boolean statusChanged) {
        final YangInstanceIdentifier entryPath = bindings.nodePath(node);
        final MapEntryNode entry = (MapEntryNode) bindings.stateEntry(node, state);
        final NodeIdentifier stateId = new NodeIdentifier(State.QNAME);
        final DataContainerNode written = (DataContainerNode) entry.childByArg(stateId);
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.merge(bindings.networkPath(), bindings.stateNetwork(node, state));
            for (NodeIdentifier leaf : ownedLeaves) {
                if (written == null || written.childByArg(leaf) == null) {
                    tx.delete(entryPath.node(stateId).node(leaf));
                }
            }
            tx.commit();
        } catch (DatastoreException | RuntimeException e) {
            LOG.warn("node {}: its state could not be written: {}", node.getValue(), e.getMessage());
        }
        if (statusChanged) {
            notifications.publish(bindings.notification(new NodeConnectionChangedBuilder().setNodeId(node)
                .setConnection(state.getConnection()).setMessage(state.getMessage()).build()), Instant.now());
        }
    }

    /**
     * Removes a node's operational entry, once it left the configuration.
     *
     * @param node the node
     */
    void remove(final NodeId node) {
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.delete(bindings.nodePath(node));
            tx.commit();
        } catch (DatastoreException | RuntimeException e) {
            LOG.warn("node {}: its state could not be removed: {}", node.getValue(), e.getMessage());
        }
    }

    /** The current time as a YANG date-and-time. */
    static DateAndTime now() {
        return new DateAndTime(Instant.now().toString());
    }

    private static Set<NodeIdentifier> ownedLeaves(final NetworkBindings bindings) {
        final NodeId probe = new NodeId("00000000-0000-4000-8000-000000000000");
        final State all = new StateBuilder().setConnection(ConnectionStatus.Disconnected).setLastChange(now())
            .setMessage("m").setSessionId(Uint32.ONE).setCapability(Set.of(new Uri("urn:x")))
            .setKeyExchange("k").setQkdKeyId(new Uuid("00000000-0000-4000-8000-000000000000"))
            .setHostKeyCheck(State.HostKeyCheck.Pinned).setHostKeyFingerprint("f").build();
        final NormalizedNode state = ((MapEntryNode) bindings.stateEntry(probe, all))
            .childByArg(new NodeIdentifier(State.QNAME));
        if (!(state instanceof DataContainerNode container)) {
            throw new IllegalStateException("the binding codec wrote no node/state container");
        }
        return Set.copyOf(container.body().stream().map(DataContainerChild::name).toList());
    }
}
