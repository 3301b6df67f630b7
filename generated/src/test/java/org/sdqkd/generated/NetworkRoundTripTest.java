package org.sdqkd.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.sdqkd.generated.BindingCodecFixture.encodeDecode;
import static org.sdqkd.generated.BindingCodecFixture.entry;
import static org.sdqkd.generated.BindingCodecFixture.exists;
import static org.sdqkd.generated.BindingCodecFixture.leaf;
import static org.sdqkd.generated.BindingCodecFixture.leafList;
import static org.sdqkd.generated.BindingCodecFixture.listEntries;
import static org.sdqkd.generated.BindingCodecFixture.nid;
import static org.sdqkd.generated.BindingCodecFixture.path;
import static org.sdqkd.generated.BindingCodecFixture.roundTrip;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.CVQKD;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.DVQKD;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.FAILURE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OFF;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.DomainName;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Host;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.Policy;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.ConnectionStatus;
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
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.KmeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.NetconfBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.BitRate;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.HttpsUrl;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.KmeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.Qber;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.SaeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;

/**
 * sdqkd-network: the controller's view of three nodes and the two QKD links between them survives binding ->
 * NormalizedNode -> binding.
 */
class NetworkRoundTripTest {
    private static final DataObjectIdentifier<Network> NETWORK = DataObjectIdentifier.builder(Network.class).build();

    private static final NodeId MADRID = new NodeId("0a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final NodeId BARCELONA = new NodeId("1b8c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e");
    private static final NodeId VALENCIA = new NodeId("2c9d3e4f-5a6b-4c7d-ae8f-9a0b1c2d3e4f");
    private static final LinkId MAD_BCN = new LinkId("aaaaaaaa-0000-4000-8000-000000000001");
    private static final LinkId BCN_VLC = new LinkId("aaaaaaaa-0000-4000-8000-000000000002");
    /** 1 Gbit/s * 2^32: far beyond uint32. */
    private static final Uint64 HUGE_SKR = Uint64.valueOf(4_294_967_296_000_000_000L);

    private static final QName NS = Network.QNAME;

    @BeforeAll
    static void createCodec() {
        BindingCodecFixture.codec();
    }

    private static Node node(final NodeId id, final String name, final Host host, final boolean relay,
            final ConnectionStatus connection, final String... saes) {
        final var sae = new HashSet<SaeId>();
        for (var s : saes) {
            sae.add(new SaeId(s));
        }
        return new NodeBuilder()
            .setNodeId(id)
            .setName(name)
            .setLocation(name + " data centre, rack 4")
            .setTrustedRelay(relay)
            .setNetconf(new NetconfBuilder()
                .setHost(host)
                .setPort(new PortNumber(Uint16.valueOf(830)))
                .setUsername("sdqkd-controller")
                .setKeyExchange(Policy.Required)
                .build())
            .setKme(new KmeBuilder()
                .setKmeId(new KmeId("kme-" + name))
                .setUrl(new HttpsUrl("https://kme." + name + ".example:8443"))
                .build())
            .setSaeId(sae)
            .setState(new org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node
                .StateBuilder()
                .setConnection(connection)
                .setQkdnStatus(connection == ConnectionStatus.Connected ? OPERATING.VALUE : FAILURE.VALUE)
                .setLastChange(new DateAndTime("2026-11-22T09:00:00Z"))
                .setMessage(connection == ConnectionStatus.Connected ? null : "hybrid key exchange refused")
                .build())
            .build();
    }

    private static Link link(final LinkId id, final NodeId a, final long ifA, final NodeId b, final long ifB,
            final Uint64 skr, final long qberMicros) {
        return new LinkBuilder()
            .setLinkId(id)
            .setEndpointA(new EndpointABuilder().setNode(a).setInterface(Uint32.valueOf(ifA)).build())
            .setEndpointB(new EndpointBBuilder().setNode(b).setInterface(Uint32.valueOf(ifB)).build())
            .setTechnology(qberMicros < 50_000 ? DVQKD.VALUE : CVQKD.VALUE)
            .setNominalSkr(new BitRate(skr))
            .setQberThreshold(new Qber(Decimal64.of(6, 110_000)))
            .setState(new org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link
                .StateBuilder()
                .setStatus(qberMicros < 110_000 ? ACTIVE.VALUE : OFF.VALUE)
                .setSkr(new BitRate(Uint64.valueOf(skr.longValue() / 2)))
                .setQber(new Qber(Decimal64.of(6, qberMicros)))
                .setLastChange(new DateAndTime("2026-11-22T09:05:00.5Z"))
                .build())
            .build();
    }

    private static Network richNetwork() {
        return new NetworkBuilder()
            .setNode(BindingMap.of(
                node(MADRID, "madrid", new Host(new IpAddress(new Ipv4Address("10.0.0.1"))), false,
                    ConnectionStatus.Connected, "sae-madrid-vpn", "sae-madrid-opot"),
                node(BARCELONA, "barcelona", new Host(new DomainName("agent.barcelona.example")), true,
                    ConnectionStatus.Connected, "sae-barcelona-opot"),
                node(VALENCIA, "valencia", new Host(new DomainName("agent.valencia.example")), true,
                    ConnectionStatus.Unauthorized)))
            .setLink(BindingMap.of(
                link(MAD_BCN, MADRID, 1, BARCELONA, 7, Uint64.valueOf(12_000), 21_500),
                link(BCN_VLC, BARCELONA, 2, VALENCIA, 1, HUGE_SKR, 131_000)))
            .build();
    }

    private static PathArgument[] node(final NodeId id) {
        return new PathArgument[] { nid(Node.QNAME), entry(Node.QNAME, "node-id", id.getValue()) };
    }

    private static PathArgument[] link(final LinkId id) {
        return new PathArgument[] { nid(Link.QNAME), entry(Link.QNAME, "link-id", id.getValue()) };
    }

    @Test
    void networkWithNodesAndLinksRoundTrips() {
        final var built = richNetwork();
        final var rt = roundTrip(NETWORK, built);

        assertEquals(YangInstanceIdentifier.of(Network.QNAME), rt.path());
        assertEquals(3, listEntries(rt.node(), nid(Node.QNAME)).size());
        assertEquals(2, listEntries(rt.node(), nid(Link.QNAME)).size());
        assertEquals(built, rt.decoded());
        assertEquals(rt.decoded(), built);
    }

    @Test
    void nodeLeavesAreEncodedAtTheirSchemaPaths() {
        final var node = roundTrip(NETWORK, richNetwork()).node();
        final var madrid = node(MADRID);
        final var barcelona = node(BARCELONA);

        assertEquals("urn:sdqkd:yang:sdqkd-network", NS.getNamespace().toString());
        assertEquals(MADRID.getValue(), leaf(node, path(madrid, nid(NS, "node-id"))));
        assertEquals("madrid", leaf(node, path(madrid, nid(NS, "name"))));
        assertEquals(Boolean.FALSE, leaf(node, path(madrid, nid(NS, "trusted-relay"))));
        // leaves from the sdqkd-types groupings are instantiated in the network namespace
        assertEquals("10.0.0.1", leaf(node, path(madrid, nid(NS, "netconf"), nid(NS, "host"))));
        assertEquals("agent.barcelona.example", leaf(node, path(barcelona, nid(NS, "netconf"), nid(NS, "host"))));
        assertEquals(Uint16.valueOf(830), leaf(node, path(madrid, nid(NS, "netconf"), nid(NS, "port"))));
        assertEquals("https://kme.madrid.example:8443", leaf(node, path(madrid, nid(NS, "kme"), nid(NS, "url"))));
        assertEquals("kme-madrid", leaf(node, path(madrid, nid(NS, "kme"), nid(NS, "kme-id"))));
        assertEquals(Set.of("sae-madrid-vpn", "sae-madrid-opot"),
            Set.copyOf(leafList(node, path(madrid, nid(NS, "sae-id")))));
        // enumeration -> its YANG name, identityref -> the etsi-qkd-node-types QName
        assertEquals("connected", leaf(node, path(madrid, nid(NS, "state"), nid(NS, "connection"))));
        assertEquals("unauthorized", leaf(node, path(node(VALENCIA), nid(NS, "state"), nid(NS, "connection"))));
        assertEquals(OPERATING.QNAME, leaf(node, path(madrid, nid(NS, "state"), nid(NS, "qkdn-status"))));
        assertFalse(exists(node, path(madrid, nid(NS, "state"), nid(NS, "message"))));
    }

    @Test
    void linkLeavesAreEncodedAtTheirSchemaPaths() {
        final var node = roundTrip(NETWORK, richNetwork()).node();
        final var madBcn = link(MAD_BCN);
        final var bcnVlc = link(BCN_VLC);

        assertEquals(MADRID.getValue(), leaf(node, path(madBcn, nid(NS, "endpoint-a"), nid(NS, "node"))));
        assertEquals(BARCELONA.getValue(), leaf(node, path(madBcn, nid(NS, "endpoint-b"), nid(NS, "node"))));
        assertEquals(Uint32.valueOf(7), leaf(node, path(madBcn, nid(NS, "endpoint-b"), nid(NS, "interface"))));
        assertEquals(DVQKD.QNAME, leaf(node, path(madBcn, nid(NS, "technology"))));
        assertEquals(CVQKD.QNAME, leaf(node, path(bcnVlc, nid(NS, "technology"))));
        assertEquals(HUGE_SKR, leaf(node, path(bcnVlc, nid(NS, "nominal-skr"))));
        assertEquals(Decimal64.of(6, 110_000), leaf(node, path(madBcn, nid(NS, "qber-threshold"))));
        assertEquals(Decimal64.of(6, 21_500), leaf(node, path(madBcn, nid(NS, "state"), nid(NS, "qber"))));
        assertEquals(OFF.QNAME, leaf(node, path(bcnVlc, nid(NS, "state"), nid(NS, "status"))));
        assertEquals("2026-11-22T09:05:00.5Z", leaf(node, path(bcnVlc, nid(NS, "state"), nid(NS, "last-change"))));
    }

    @Test
    void decodedNetworkHasTypedValues() {
        final var decoded = roundTrip(NETWORK, richNetwork()).decoded();
        final Node barcelona = decoded.nonnullNode().get(new NodeKey(BARCELONA));
        final Link bcnVlc = decoded.nonnullLink().get(new LinkKey(BCN_VLC));

        assertInstanceOf(NodeId.class, barcelona.getNodeId());
        assertEquals(BARCELONA, barcelona.getNodeId());
        assertEquals(new DomainName("agent.barcelona.example"), barcelona.getNetconf().getHost().getDomainName());
        assertNull(barcelona.getNetconf().getHost().getIpAddress());
        assertEquals(new HttpsUrl("https://kme.barcelona.example:8443"), barcelona.getKme().getUrl());
        assertEquals(Set.of(new SaeId("sae-barcelona-opot")), barcelona.getSaeId());
        assertSame(ConnectionStatus.Connected, barcelona.getState().getConnection());
        assertSame(OPERATING.VALUE, barcelona.getState().getQkdnStatus());
        assertEquals(Boolean.TRUE, barcelona.getTrustedRelay());

        assertEquals(new BitRate(HUGE_SKR), bcnVlc.getNominalSkr());
        assertInstanceOf(Uint64.class, bcnVlc.getNominalSkr().getValue());
        assertEquals(new Qber(Decimal64.of(6, 131_000)), bcnVlc.getState().getQber());
        assertInstanceOf(Decimal64.class, bcnVlc.getState().getQber().getValue());
        assertInstanceOf(CVQKD.class, bcnVlc.getTechnology());
        assertEquals(VALENCIA, bcnVlc.getEndpointB().getNode());
        assertEquals(new NodeKey(BARCELONA), barcelona.key());
    }

    @Test
    void decodedNodeReportsYangDefaultsForAbsentLeaves() {
        final var minimal = new NetworkBuilder()
            .setNode(BindingMap.of(new NodeBuilder()
                .setNodeId(MADRID)
                .setName("madrid")
                .setNetconf(new NetconfBuilder()
                    .setHost(new Host(new IpAddress(new Ipv4Address("10.0.0.1"))))
                    .setUsername("admin")
                    .build())
                .build()))
            .setLink(BindingMap.of(new LinkBuilder()
                .setLinkId(MAD_BCN)
                .setEndpointA(new EndpointABuilder().setNode(MADRID).build())
                .setEndpointB(new EndpointBBuilder().setNode(BARCELONA).build())
                .build()))
            .build();
        final var rt = encodeDecode(NETWORK, minimal);
        assertFalse(exists(rt.node(), path(node(MADRID), nid(NS, "trusted-relay"))));
        assertFalse(exists(rt.node(), path(node(MADRID), nid(NS, "netconf"), nid(NS, "port"))));
        assertFalse(exists(rt.node(), path(link(MAD_BCN), nid(NS, "qber-threshold"))));

        final var node = rt.decoded().nonnullNode().get(new NodeKey(MADRID));
        assertEquals(Boolean.TRUE, node.getTrustedRelay());
        assertEquals(new PortNumber(Uint16.valueOf(830)), node.getNetconf().getPort());
        final var qberThreshold = rt.decoded().nonnullLink().get(new LinkKey(MAD_BCN)).getQberThreshold();
        assertEquals(0, qberThreshold.getValue().compareTo(Decimal64.valueOf("0.11")), qberThreshold::toString);
        assertNull(node.getKme());
        assertEquals("admin", node.getNetconf().getUsername());
        assertNotEquals(minimal, rt.decoded());
    }

    @Test
    void singleNodeRoundTripsAtItsKeyedPath() {
        final var id = DataObjectIdentifier.builder(Network.class).child(Node.class, new NodeKey(VALENCIA)).build();
        final var built = richNetwork().nonnullNode().get(new NodeKey(VALENCIA));
        final var rt = roundTrip(id, built);

        assertEquals(YangInstanceIdentifier.of(nid(Network.QNAME), nid(Node.QNAME),
            entry(Node.QNAME, "node-id", VALENCIA.getValue())), rt.path());
        assertEquals("hybrid key exchange refused", leaf(rt.node(), nid(NS, "state"), nid(NS, "message")));
        assertEquals(built, rt.decoded());
        // an empty leaf-list set on the builder is kept: it is encoded as an empty leaf-set node (which a
        // datastore treats as absent) and comes back as an empty set, not null
        assertEquals(Set.of(), built.getSaeId());
        assertEquals(0, leafList(rt.node(), nid(NS, "sae-id")).size());
        assertEquals(Set.of(), rt.decoded().getSaeId());
    }
}
