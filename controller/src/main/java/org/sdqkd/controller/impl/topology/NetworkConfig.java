package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.LinkEndpoint;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Link;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/** Reads the controller's configured {@code network} (running) as the {@code Network} binding. */
final class NetworkConfig {
    private final BindingNormalizedNodeSerializer serializer;
    private final YangInstanceIdentifier path;

    NetworkConfig(final BindingNormalizedNodeSerializer serializer) {
        this.serializer = requireNonNull(serializer);
        this.path = serializer.toYangInstanceIdentifier(DataObjectIdentifier.builder(Network.class).build());
    }

    /**
     * The configured nodes and links.
     *
     * @param data running's {@code network}, if any
     * @return what it configures
     */
    Configured read(final Optional<NormalizedNode> data) {
        if (data.isEmpty()) {
            return new Configured(Map.of(), Set.of());
        }
        final var decoded = serializer.fromNormalizedNode(path, data.orElseThrow());
        if (decoded == null || !(decoded.getValue() instanceof Network network)) {
            throw new IllegalStateException("the binding codec cannot decode " + path);
        }
        final Set<NodeId> nodes = new HashSet<>();
        for (Node node : network.nonnullNode().values()) {
            nodes.add(Ids.node(node.getNodeId()));
        }
        final Map<LinkId, TopologyState.ConfiguredLink> links = new HashMap<>();
        for (Link link : network.nonnullLink().values()) {
            final LinkId id = Ids.link(link.getLinkId());
            links.put(id, new TopologyState.ConfiguredLink(id, end(link.getEndpointA()), end(link.getEndpointB())));
        }
        return new Configured(links, nodes);
    }

    private static Optional<NodeId> end(final LinkEndpoint endpoint) {
        return endpoint == null || endpoint.getNode() == null ? Optional.empty()
            : Optional.of(Ids.node(endpoint.getNode()));
    }

    /**
     * What the configuration holds.
     *
     * @param links the links
     * @param nodes the nodes
     */
    record Configured(Map<LinkId, TopologyState.ConfiguredLink> links, Set<NodeId> nodes) {
        Configured {
            links = Map.copyOf(links);
            nodes = Set.copyOf(nodes);
        }

        /** Makes it the topology's configuration. */
        void applyTo(final TopologyState state) {
            state.configure(links, nodes);
        }
    }
}
