package org.sdqkd.controller.impl.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.NodeConnectionChanged;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.State;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.YangModels;

/**
 * The controller's network data ({@code sdqkd-network}) as generated bindings and as the datastore's NormalizedNodes,
 * through the yangtools binding codec: the controller's own logic reads and writes its model only this way. Creating
 * the codec takes the binding runtime context of the class path's models ({@link YangModels#projectBindings()}, parsed
 * once per process, as the datastore's models), and one instance is shared ({@link #shared()}).
 */
public final class NetworkBindings {
    private static final DataObjectIdentifier<Network> NETWORK = DataObjectIdentifier.builder(Network.class).build();

    private final BindingDataCodec codec;
    private final BindingNormalizedNodeSerializer serializer;
    private final YangInstanceIdentifier networkPath;

    private NetworkBindings(final BindingDataCodec codec) {
        this.codec = codec;
        this.serializer = codec.nodeSerializer();
        this.networkPath = serializer.toYangInstanceIdentifier(NETWORK);
    }

    /**
     * The codec of the bindings on the class path, made on first use.
     *
     * @return the shared instance
     */
    public static NetworkBindings shared() {
        return Holder.INSTANCE;
    }

    /**
     * The binding codec itself, for the controller's other parts (the topology), so that the models are parsed into a
     * codec once.
     *
     * @return the codec
     */
    public BindingDataCodec codec() {
        return codec;
    }

    /** The datastore path of {@code /sdqkd-network:network}. */
    public YangInstanceIdentifier networkPath() {
        return networkPath;
    }

    /**
     * The datastore path of one node's list entry.
     *
     * @param node the node
     * @return the path
     */
    public YangInstanceIdentifier nodePath(final NodeId node) {
        return serializer.toYangInstanceIdentifier(nodeId(node));
    }

    /**
     * The network held at {@link #networkPath()}, decoded. The object is lazy: absent leaves with a YANG default read
     * as that default.
     *
     * @param data the {@code network} container, as the datastore holds it
     * @return the network
     */
    public Network network(final NormalizedNode data) {
        final Map.Entry<?, ?> decoded = serializer.fromNormalizedNode(networkPath, requireNonNull(data));
        if (decoded == null) {
            throw new IllegalStateException("the binding codec cannot decode " + networkPath);
        }
        return Network.class.cast(decoded.getValue());
    }

    /**
     * The network as the datastore holds it.
     *
     * @param network the network built with the generated builders
     * @return the NormalizedNode to write at {@link #networkPath()}
     */
    public NormalizedNode normalized(final Network network) {
        return serializer.toNormalizedDataObject(NETWORK, network).node();
    }

    /**
     * A node's list entry holding its key and its operational state only, to write into the operational datastore at
     * {@link #nodePath(NodeId)}.
     *
     * @param node  the node
     * @param state its state
     * @return the entry
     */
    public NormalizedNode stateEntry(final NodeId node, final State state) {
        final Node entry = new NodeBuilder().setNodeId(node).withKey(new NodeKey(node)).setState(state).build();
        return serializer.toNormalizedDataObject(nodeId(node), entry).node();
    }

    /**
     * The network container holding one node's list entry with its key and its operational state only: merged at
     * {@link #networkPath()}, it creates what is missing on the way and changes nothing else.
     *
     * @param node  the node
     * @param state its state
     * @return the container
     */
    public NormalizedNode stateNetwork(final NodeId node, final State state) {
        final Node entry = new NodeBuilder().setNodeId(node).withKey(new NodeKey(node)).setState(state).build();
        return normalized(new NetworkBuilder().setNode(Map.of(entry.key(), entry)).build());
    }

    /**
     * A node's state as read back from an operational list entry, if it has one.
     *
     * @param node the node
     * @param data the entry at {@link #nodePath(NodeId)}
     * @return the state
     */
    public Optional<State> state(final NodeId node, final NormalizedNode data) {
        final Map.Entry<?, ?> decoded = serializer.fromNormalizedNode(nodePath(node), data);
        return decoded == null ? Optional.empty() : Optional.ofNullable(Node.class.cast(decoded.getValue()).getState());
    }

    /**
     * The notification as data, for the gateway's event stream.
     *
     * @param notification the notification built with the generated builder
     * @return its body
     */
    public ContainerNode notification(final NodeConnectionChanged notification) {
        return serializer.toNormalizedNodeNotification(notification);
    }

    private static DataObjectIdentifier<Node> nodeId(final NodeId node) {
        return DataObjectIdentifier.builder(Network.class).child(Node.class, new NodeKey(node)).build();
    }

    /** Lazy holder of the shared instance. */
    private static final class Holder {
        static final NetworkBindings INSTANCE = new NetworkBindings(ServiceLoader.load(BindingDataCodecFactory.class)
            .findFirst().orElseThrow(() -> new IllegalStateException("no BindingDataCodecFactory on the class path"))
            .newBindingDataCodec(YangModels.projectBindings()));
    }
}
