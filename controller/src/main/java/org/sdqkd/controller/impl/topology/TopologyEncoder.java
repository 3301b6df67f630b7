package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QKDNSTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.LinkStateChanged;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.LinkStateChangedBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Link;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.LinkBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.LinkKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.EndpointABuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.EndpointBBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.State;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.StateBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.BitRate;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.Qber;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The topology's state as {@code sdqkd-network} data: built with the generated builders, turned into NormalizedNodes
 * and paths by the binding codec for the datastore, and into notification bodies for the gateway.
 */
final class TopologyEncoder {
    private static final DataObjectIdentifier<Network> NETWORK = DataObjectIdentifier.builder(Network.class).build();
    private static final DateTimeFormatter DATE_AND_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Uint32 UINT32_MAX = Uint32.MAX_VALUE;

    private final BindingNormalizedNodeSerializer serializer;
    private final YangInstanceIdentifier networkPath;

    TopologyEncoder(final BindingNormalizedNodeSerializer serializer) {
        this.serializer = requireNonNull(serializer);
        this.networkPath = serializer.toYangInstanceIdentifier(NETWORK);
    }

    /** The path of {@code network}. */
    YangInstanceIdentifier networkPath() {
        return networkPath;
    }

    /** The path of a link's entry. */
    YangInstanceIdentifier linkPath(final LinkId link) {
        return serializer.toYangInstanceIdentifier(linkIdentifier(link));
    }

    /**
     * {@code network} holding one link's entry with its key alone: merged first, so that the entry exists.
     *
     * @param link the link
     * @return the data to merge at {@link #networkPath()}
     */
    NormalizedNode networkWithLink(final LinkId link) {
        return normalized(new NetworkBuilder().setLink(Map.of(new LinkKey(link),
            new LinkBuilder().setLinkId(link).build())).build());
    }

    /**
     * A link's whole entry as shown: its key, its reported ends for a link the configuration lacks, its state.
     *
     * @param link the link
     * @return the entry, to write at {@link #linkPath(LinkId)}
     */
    NormalizedNode link(final ShownLink link) {
        final LinkBuilder builder = new LinkBuilder().setLinkId(link.id()).setState(state(link));
        link.endpoints().ifPresent(ends -> {
            builder.setEndpointA(new EndpointABuilder().setNode(ends.nodeA())
                .setInterface(ends.interfaceA().orElse(null)).build());
            ends.nodeB().ifPresent(node -> builder.setEndpointB(new EndpointBBuilder().setNode(node)
                .setInterface(ends.interfaceB().orElse(null)).build()));
        });
        return serializer.toNormalizedDataObject(linkIdentifier(link.id()), builder.build()).node();
    }

    /**
     * {@code network} holding each node's entry with its key and {@code state/qkdn-status} alone, to merge.
     *
     * @param status the nodes' status
     * @return the data to merge at {@link #networkPath()}
     */
    NormalizedNode nodeStatus(final Map<NodeId, QKDNSTATUSTYPES> status) {
        final Map<NodeKey, Node> nodes = new HashMap<>();
        status.forEach((node, value) -> nodes.put(new NodeKey(node), new NodeBuilder().setNodeId(node)
            .setState(new org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node
                .StateBuilder().setQkdnStatus(value).build()).build()));
        return normalized(new NetworkBuilder().setNode(nodes).build());
    }

    /**
     * The {@code link-state-changed} notification of a link, as data.
     *
     * @param link the link as shown now
     * @return its body, for the gateway's {@code NotificationSink}
     */
    ContainerNode linkStateChanged(final ShownLink link) {
        final LinkStateChanged notification = new LinkStateChangedBuilder().setLinkId(link.id())
            .setStatus(link.state().status().orElse(null))
            .setSkr(link.state().skr().isPresent() ? new BitRate(Uint64.valueOf(link.state().skr().getAsLong()))
                : null)
            .setQber(link.state().qber().map(TopologyEncoder::qber).orElse(null))
            .build();
        return serializer.toNormalizedNodeNotification(notification);
    }

    private static State state(final ShownLink link) {
        final LinkState state = link.state();
        return new StateBuilder()
            .setStatus(state.status().orElse(null))
            .setSkr(state.skr().isPresent() ? new BitRate(Uint64.valueOf(state.skr().getAsLong())) : null)
            .setQber(state.qber().map(TopologyEncoder::qber).orElse(null))
            .setStoredKeys(state.storedKeys().isPresent() ? uint32(state.storedKeys().getAsLong()) : null)
            .setLastChange(new DateAndTime(DATE_AND_TIME.format(
                link.lastChange().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))))
            .build();
    }

    private static Qber qber(final BigDecimal value) {
        return new Qber(Decimal64.valueOf(value.setScale(6, RoundingMode.HALF_UP)));
    }

    private static Uint32 uint32(final long value) {
        return value >= UINT32_MAX.longValue() ? UINT32_MAX : Uint32.valueOf(Math.max(0, value));
    }

    private NormalizedNode normalized(final Network network) {
        return serializer.toNormalizedDataObject(NETWORK, network).node();
    }

    private static DataObjectIdentifier<Link> linkIdentifier(final LinkId link) {
        return DataObjectIdentifier.builder(Network.class).child(Link.class, new LinkKey(link)).build();
    }
}
