package org.sdqkd.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.generated.BindingCodecFixture.encodeDecode;
import static org.sdqkd.generated.BindingCodecFixture.entry;
import static org.sdqkd.generated.BindingCodecFixture.exists;
import static org.sdqkd.generated.BindingCodecFixture.find;
import static org.sdqkd.generated.BindingCodecFixture.leaf;
import static org.sdqkd.generated.BindingCodecFixture.listEntries;
import static org.sdqkd.generated.BindingCodecFixture.nid;
import static org.sdqkd.generated.BindingCodecFixture.path;
import static org.sdqkd.generated.BindingCodecFixture.roundTrip;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Counter64;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Gauge64;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.AssociationStatus;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.KeyAssociations;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.KeyAssociationsBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.KeyAssociation;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.KeyAssociationBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.KeyAssociationKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.MasterBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.Route;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.SlaveBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.StateBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.Direct;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.DirectBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.Relayed;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.RelayedBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.relayed.RelayHop;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.relayed.RelayHopBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.relayed.RelayHopKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.BitRate;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.KeySize;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.SaeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;

/**
 * sdqkd-key-association: a direct association over one QKD link and one relayed hop by hop through two trusted
 * nodes survive binding -> NormalizedNode -> binding, with the route choice and its cases intact.
 */
class KeyAssociationRoundTripTest {
    private static final DataObjectIdentifier<KeyAssociations> ASSOCIATIONS =
        DataObjectIdentifier.builder(KeyAssociations.class).build();

    private static final NodeId MADRID = new NodeId("0a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final NodeId BARCELONA = new NodeId("1b8c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e");
    private static final NodeId ZARAGOZA = new NodeId("3d0e4f5a-6b7c-4d8e-bf9a-0b1c2d3e4f5a");
    private static final NodeId VALENCIA = new NodeId("2c9d3e4f-5a6b-4c7d-ae8f-9a0b1c2d3e4f");
    private static final LinkId MAD_BCN = new LinkId("aaaaaaaa-0000-4000-8000-000000000001");

    private static final String DIRECT = "vpn-mad-bcn";
    private static final String RELAYED = "backup-mad-vlc";
    /** More keys than a signed long can count. */
    private static final Uint64 CONSUMED = Uint64.valueOf("18446744073709551000");

    private static final QName NS = KeyAssociations.QNAME;

    @BeforeAll
    static void createCodec() {
        BindingCodecFixture.codec();
    }

    private static KeyAssociation direct() {
        return new KeyAssociationBuilder()
            .setName(DIRECT)
            .setDescription("IPsec gateways Madrid <-> Barcelona")
            .setMaster(new MasterBuilder().setNode(MADRID).setSaeId(new SaeId("sae-madrid-vpn")).build())
            .setSlave(new SlaveBuilder().setNode(BARCELONA).setSaeId(new SaeId("sae-barcelona-vpn")).build())
            .setRoute(new DirectBuilder().setDirectLink(MAD_BCN).build())
            .setKeyRate(new BitRate(Uint64.valueOf(8_192)))
            .setKeySize(new KeySize(Uint32.valueOf(256)))
            .setMaxStoredKeys(Uint32.valueOf(10_000))
            .setState(new StateBuilder()
                .setStatus(AssociationStatus.Active)
                .setStoredKeys(new Gauge64(Uint64.valueOf(9_999)))
                .setConsumedKeys(new Counter64(CONSUMED))
                .setDeliveredRate(new BitRate(Uint64.valueOf(8_300)))
                .setLastChange(new DateAndTime("2026-11-22T10:00:00+01:00"))
                .build())
            .build();
    }

    private static RelayHop hop(final int position, final NodeId node) {
        return new RelayHopBuilder().setPosition(Uint8.valueOf(position)).setNode(node).build();
    }

    private static KeyAssociation relayed() {
        return new KeyAssociationBuilder()
            .setName(RELAYED)
            .setMaster(new MasterBuilder().setNode(MADRID).setSaeId(new SaeId("sae-madrid-backup")).build())
            .setSlave(new SlaveBuilder().setNode(VALENCIA).setSaeId(new SaeId("sae-valencia-backup")).build())
            .setRoute(new RelayedBuilder().setRelayHop(BindingMap.of(hop(2, ZARAGOZA), hop(1, BARCELONA))).build())
            .setKeyRate(new BitRate(Uint64.valueOf(1_024)))
            .setKeySize(new KeySize(Uint32.valueOf(512)))
            .setMaxStoredKeys(Uint32.valueOf(500))
            .setState(new StateBuilder()
                .setStatus(AssociationStatus.Degraded)
                .setMessage("link barcelona-zaragoza below nominal key rate")
                .build())
            .build();
    }

    private static KeyAssociations richAssociations() {
        return new KeyAssociationsBuilder().setKeyAssociation(BindingMap.of(direct(), relayed())).build();
    }

    private static PathArgument[] association(final String name) {
        return new PathArgument[] {
            nid(KeyAssociation.QNAME), entry(KeyAssociation.QNAME, "name", name)
        };
    }

    @Test
    void directAndRelayedAssociationsRoundTrip() {
        final var built = richAssociations();
        final var rt = roundTrip(ASSOCIATIONS, built);

        assertEquals(YangInstanceIdentifier.of(KeyAssociations.QNAME), rt.path());
        assertEquals(2, listEntries(rt.node(), nid(KeyAssociation.QNAME)).size());
        assertEquals(built, rt.decoded());
        assertEquals(rt.decoded(), built);
    }

    @Test
    void keyAssociationWithDirectLinkRoundTrips() {
        final var rt = roundTrip(ASSOCIATIONS, richAssociations());
        final var entry = association(DIRECT);

        // the choice is a node of its own in the DOM tree; the case is not
        assertInstanceOf(ChoiceNode.class, find(rt.node(), path(entry, nid(Route.QNAME))));
        assertEquals(MAD_BCN.getValue(), leaf(rt.node(), path(entry, nid(Route.QNAME), nid(NS, "direct-link"))));
        assertFalse(exists(rt.node(), path(entry, nid(Route.QNAME), nid(RelayHop.QNAME))));
        assertEquals(MADRID.getValue(), leaf(rt.node(), path(entry, nid(NS, "master"), nid(NS, "node"))));
        assertEquals("sae-barcelona-vpn", leaf(rt.node(), path(entry, nid(NS, "slave"), nid(NS, "sae-id"))));
        assertEquals(Uint64.valueOf(8_192), leaf(rt.node(), path(entry, nid(NS, "key-rate"))));
        assertEquals(Uint32.valueOf(256), leaf(rt.node(), path(entry, nid(NS, "key-size"))));
        assertEquals("active", leaf(rt.node(), path(entry, nid(NS, "state"), nid(NS, "status"))));
        assertEquals(CONSUMED, leaf(rt.node(), path(entry, nid(NS, "state"), nid(NS, "consumed-keys"))));

        final KeyAssociation decoded = rt.decoded().nonnullKeyAssociation().get(new KeyAssociationKey(DIRECT));
        final var route = assertInstanceOf(Direct.class, decoded.getRoute());
        assertFalse(decoded.getRoute() instanceof Relayed);
        assertInstanceOf(LinkId.class, route.getDirectLink());
        assertEquals(MAD_BCN, route.getDirectLink());
        assertEquals(new SaeId("sae-madrid-vpn"), decoded.getMaster().getSaeId());
        assertEquals(BARCELONA, decoded.getSlave().getNode());
        assertSame(AssociationStatus.Active, decoded.getState().getStatus());
        assertEquals(new Counter64(CONSUMED), decoded.getState().getConsumedKeys());
        assertEquals(new Gauge64(Uint64.valueOf(9_999)), decoded.getState().getStoredKeys());
        assertEquals(new DateAndTime("2026-11-22T10:00:00+01:00"), decoded.getState().getLastChange());
        assertEquals(direct(), decoded);
    }

    @Test
    void keyAssociationWithRelayPathRoundTrips() {
        final var rt = roundTrip(ASSOCIATIONS, richAssociations());
        final var hops = path(association(RELAYED), nid(Route.QNAME), nid(RelayHop.QNAME));

        assertEquals(BARCELONA.getValue(),
            leaf(rt.node(), path(hops, entry(RelayHop.QNAME, "position", Uint8.ONE), nid(NS, "node"))));
        assertEquals(ZARAGOZA.getValue(),
            leaf(rt.node(), path(hops, entry(RelayHop.QNAME, "position", Uint8.TWO), nid(NS, "node"))));
        assertFalse(exists(rt.node(), path(association(RELAYED), nid(Route.QNAME), nid(NS, "direct-link"))));
        assertEquals("degraded", leaf(rt.node(), path(association(RELAYED), nid(NS, "state"), nid(NS, "status"))));

        final KeyAssociation decoded = rt.decoded().nonnullKeyAssociation().get(new KeyAssociationKey(RELAYED));
        final var route = assertInstanceOf(Relayed.class, decoded.getRoute());
        // relay-hop is keyed by position (ordered-by system): rebuild the path by position
        final Map<Uint8, NodeId> byPosition = new TreeMap<>();
        route.nonnullRelayHop().values().forEach(hop -> byPosition.put(hop.getPosition(), hop.getNode()));
        assertEquals(Map.of(Uint8.ONE, BARCELONA, Uint8.TWO, ZARAGOZA), byPosition);
        assertEquals(List.of(BARCELONA, ZARAGOZA), List.copyOf(byPosition.values()));
        assertEquals(new RelayHopKey(Uint8.TWO), route.nonnullRelayHop().get(new RelayHopKey(Uint8.TWO)).key());
        assertInstanceOf(Uint8.class, route.nonnullRelayHop().get(new RelayHopKey(Uint8.ONE)).getPosition());
        assertEquals(VALENCIA, decoded.getSlave().getNode());
        assertEquals(new KeySize(Uint32.valueOf(512)), decoded.getKeySize());
        assertSame(AssociationStatus.Degraded, decoded.getState().getStatus());
        assertNull(decoded.getState().getConsumedKeys());
        assertEquals(relayed(), decoded);
    }

    @Test
    void switchingTheRouteCaseReplacesTheOtherCase() {
        final var rerouted = new KeyAssociationBuilder(direct())
            .setRoute(new RelayedBuilder().setRelayHop(BindingMap.of(hop(1, ZARAGOZA))).build())
            .build();
        final var id = DataObjectIdentifier.builder(KeyAssociations.class)
            .child(KeyAssociation.class, new KeyAssociationKey(DIRECT))
            .build();
        final var rt = roundTrip(id, rerouted);

        assertEquals(YangInstanceIdentifier.of(nid(KeyAssociations.QNAME), nid(KeyAssociation.QNAME),
            entry(KeyAssociation.QNAME, "name", DIRECT)), rt.path());
        assertFalse(exists(rt.node(), nid(Route.QNAME), nid(NS, "direct-link")));
        assertTrue(exists(rt.node(), nid(Route.QNAME), nid(RelayHop.QNAME)));
        assertInstanceOf(Relayed.class, rt.decoded().getRoute());
        assertEquals(rerouted, rt.decoded());
    }

    @Test
    void decodedAssociationReportsYangDefaultsForAbsentLeaves() {
        final var minimal = new KeyAssociationsBuilder().setKeyAssociation(BindingMap.of(new KeyAssociationBuilder()
            .setName(DIRECT)
            .setMaster(new MasterBuilder().setNode(MADRID).setSaeId(new SaeId("a")).build())
            .setSlave(new SlaveBuilder().setNode(BARCELONA).setSaeId(new SaeId("b")).build())
            .setRoute(new DirectBuilder().setDirectLink(MAD_BCN).build())
            .setKeyRate(new BitRate(Uint64.ONE))
            .build())).build();
        final var rt = encodeDecode(ASSOCIATIONS, minimal);
        assertFalse(exists(rt.node(), path(association(DIRECT), nid(NS, "key-size"))));
        assertFalse(exists(rt.node(), path(association(DIRECT), nid(NS, "max-stored-keys"))));

        final var decoded = rt.decoded().nonnullKeyAssociation().get(new KeyAssociationKey(DIRECT));
        assertEquals(new KeySize(Uint32.valueOf(256)), decoded.getKeySize());
        assertEquals(Uint32.valueOf(10_000), decoded.getMaxStoredKeys());
        assertNull(decoded.getDescription());
        assertNull(decoded.getState());
        assertEquals(new BitRate(Uint64.ONE), decoded.getKeyRate());
        assertEquals(MAD_BCN, ((Direct) decoded.getRoute()).getDirectLink());
        assertNotEquals(minimal, rt.decoded());
    }
}
