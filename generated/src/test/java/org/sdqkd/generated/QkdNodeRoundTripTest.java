package org.sdqkd.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.sdqkd.generated.BindingCodecFixture.encode;
import static org.sdqkd.generated.BindingCodecFixture.encodeDecode;
import static org.sdqkd.generated.BindingCodecFixture.entry;
import static org.sdqkd.generated.BindingCodecFixture.exists;
import static org.sdqkd.generated.BindingCodecFixture.leaf;
import static org.sdqkd.generated.BindingCodecFixture.leafList;
import static org.sdqkd.generated.BindingCodecFixture.nid;
import static org.sdqkd.generated.BindingCodecFixture.path;
import static org.sdqkd.generated.BindingCodecFixture.roundTrip;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_qos.AppQosBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_statistics.AppStatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_statistics.app_statistics.StatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.augmented_app_qos.AppQos1;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.augmented_app_qos.AppQos1Builder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.physical_link_perf.PhysPerfBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.physical_link_perf.PhysPerfKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplicationsBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interface_item.QkdiCapabilitiesBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.QkdInterfacesBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterface;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterfaceBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterfaceKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.QkdLinksBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLinkBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLinkKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlLocalBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlPerformanceBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlRemoteBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkdi_att_point.QkdiAttPointBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkdn_capabilities.QkdnCapabilitiesBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.CLIENT;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.DVQKD;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ENABLED;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.INTERNAL;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ON;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PASSIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PHYS;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QBER;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.SNR;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.TRANSCEIVER;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.TRANSMITTER;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.VIRT;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.Wavelength;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.WavelengthRangeType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;

/**
 * etsi-qkd-sdn-node (ETSI GS QKD 015): a node with a physical and a virtual key association link, two
 * applications and an interface survives binding -> NormalizedNode -> binding.
 */
class QkdNodeRoundTripTest {
    private static final DataObjectIdentifier<QkdNode> NODE_ID = DataObjectIdentifier.builder(QkdNode.class).build();

    private static final Uuid LOCAL_NODE = new Uuid("0a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final Uuid REMOTE_NODE = new Uuid("1b8c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e");
    private static final Uuid FAR_NODE = new Uuid("2c9d3e4f-5a6b-4c7d-ae8f-9a0b1c2d3e4f");
    private static final Uuid PHYS_LINK = new Uuid("aaaaaaaa-0000-4000-8000-000000000001");
    private static final Uuid VIRT_LINK = new Uuid("aaaaaaaa-0000-4000-8000-000000000002");
    private static final Uuid NEXT_HOP_1 = new Uuid("bbbbbbbb-0000-4000-8000-000000000001");
    private static final Uuid NEXT_HOP_2 = new Uuid("bbbbbbbb-0000-4000-8000-000000000002");
    private static final Uuid CLIENT_APP = new Uuid("cccccccc-0000-4000-8000-000000000001");
    private static final Uuid RELAY_APP = new Uuid("cccccccc-0000-4000-8000-000000000002");

    private static final QName QKDN_ID = QName.create(QkdNode.QNAME, "qkdn_id");
    private static final QName QKD_LINKS = QName.create(QkdNode.QNAME, "qkd_links");
    private static final QName QKD_APPLICATIONS = QName.create(QkdNode.QNAME, "qkd_applications");
    private static final QName QKD_INTERFACES = QName.create(QkdNode.QNAME, "qkd_interfaces");

    @BeforeAll
    static void createCodec() {
        BindingCodecFixture.codec();
    }

    private static QkdLink physicalLink() {
        return new QkdLinkBuilder()
            .setQkdlId(PHYS_LINK)
            .setQkdlType(PHYS.VALUE)
            .setQkdlStatus(ACTIVE.VALUE)
            .setQkdlEnable(true)
            .setQkdlLocal(new QkdlLocalBuilder().setQkdnId(LOCAL_NODE).setQkdiId(Uint32.valueOf(1)).build())
            .setQkdlRemote(new QkdlRemoteBuilder().setQkdnId(REMOTE_NODE).setQkdiId(Uint32.valueOf(7)).build())
            .setQkdlApplications(Set.of(CLIENT_APP))
            .setPhysChannelAtt(Decimal64.of(3, 4_250))
            .setPhysWavelength(new Wavelength("32"))
            .setPhysQkdRole(TRANSMITTER.VALUE)
            .setQkdlPerformance(new QkdlPerformanceBuilder()
                .setSkr(Uint32.valueOf(12_000))
                .setEskr(Uint32.valueOf(9_500))
                .setExpectedConsumption(Uint32.valueOf(2_048))
                .setPhysPerf(BindingMap.of(
                    new PhysPerfBuilder().setPerfType(QBER.VALUE).setValue(Decimal64.of(3, 21)).build(),
                    new PhysPerfBuilder().setPerfType(SNR.VALUE).setValue(Decimal64.of(3, 17_125)).build()))
                .build())
            .build();
    }

    private static QkdLink virtualLink() {
        return new QkdLinkBuilder()
            .setQkdlId(VIRT_LINK)
            .setQkdlType(VIRT.VALUE)
            .setQkdlStatus(PASSIVE.VALUE)
            .setQkdlEnable(false)
            .setQkdlLocal(new QkdlLocalBuilder().setQkdnId(LOCAL_NODE).build())
            .setQkdlRemote(new QkdlRemoteBuilder().setQkdnId(FAR_NODE).build())
            .setVirtPrevHop(LOCAL_NODE)
            .setVirtNextHop(Set.of(NEXT_HOP_1, NEXT_HOP_2))
            .setVirtBandwidth(Uint32.valueOf(1_000))
            .build();
    }

    private static QkdApp clientApp() {
        return new QkdAppBuilder()
            .setAppId(CLIENT_APP)
            .setAppStatus(ON.VALUE)
            .setAppType(CLIENT.VALUE)
            .setServerAppId(new Uri("sae://madrid/vpn-gw-1"))
            .setClientAppId(Set.of(new Uri("sae://barcelona/vpn-gw-2"), new Uri("sae://valencia/vpn-gw-3")))
            .setAppPriority(Uint32.valueOf(5))
            .setExpirationTime(new DateAndTime("2027-01-01T00:00:00Z"))
            .setAppQos(new AppQosBuilder()
                .setMaxBandwidth(Uint32.valueOf(4_096))
                .setMinBandwidth(Uint32.valueOf(512))
                .setJitter(Uint32.valueOf(10))
                .setTtl(Uint32.valueOf(3_600))
                .addAugmentation(new AppQos1Builder()
                    .setClientsSharedPathEnable(true)
                    .setClientsSharedKeysRequired(false)
                    .build())
                .build())
            .setAppStatistics(new AppStatisticsBuilder()
                .setStatistics(BindingMap.of(new StatisticsBuilder()
                    .setStartTime(new DateAndTime("2026-11-22T10:00:00Z"))
                    .setEndTime(new DateAndTime("2026-11-22T10:01:00Z"))
                    .setConsumedBits(Uint32.valueOf(65_536))
                    .build()))
                .build())
            .setBackingQkdlId(Set.of(PHYS_LINK))
            .setLocalQkdnId(LOCAL_NODE)
            .setRemoteQkdnId(REMOTE_NODE)
            .build();
    }

    private static QkdApp relayApp() {
        return new QkdAppBuilder()
            .setAppId(RELAY_APP)
            .setAppType(INTERNAL.VALUE)
            .setAppPriority(Uint32.ZERO)
            .setBackingQkdlId(Set.of(VIRT_LINK))
            .setLocalQkdnId(LOCAL_NODE)
            .setRemoteQkdnId(FAR_NODE)
            .build();
    }

    private static QkdInterface qkdInterface() {
        return new QkdInterfaceBuilder()
            .setQkdiId(Uint32.valueOf(1))
            .setQkdiModel("ACME DV-QKD 2000")
            .setQkdiType(DVQKD.VALUE)
            .setQkdiStatus(ENABLED.VALUE)
            .setQkdiAttPoint(new QkdiAttPointBuilder().setDevice("roadm-1").setPort(Uint32.valueOf(12)).build())
            .setQkdiCapabilities(new QkdiCapabilitiesBuilder()
                .setRoleSupport(TRANSCEIVER.VALUE)
                .setWavelengthRange(new WavelengthRangeType("1,12-20,40"))
                .setMaxAbsorption(Decimal64.of(3, 25_500))
                .build())
            .build();
    }

    /** A node that sets every leaf that has a YANG default, so that the decoded object equals the built one. */
    private static QkdNode richNode() {
        return new QkdNodeBuilder()
            .setQkdnId(LOCAL_NODE)
            .setQkdnVersion("sdqkd-agent 0.1.0")
            .setQkdnLocationId("madrid-lab-1")
            .setQkdnStatus(OPERATING.VALUE)
            .setQkdnCapabilities(new QkdnCapabilitiesBuilder()
                .setLinkStatsSupport(true)
                .setApplicationStatsSupport(false)
                .setKeyRelayModeEnable(true)
                .build())
            .setQkdApplications(new QkdApplicationsBuilder().setQkdApp(BindingMap.of(clientApp(), relayApp())).build())
            .setQkdInterfaces(new QkdInterfacesBuilder().setQkdInterface(BindingMap.of(qkdInterface())).build())
            .setQkdLinks(new QkdLinksBuilder().setQkdLink(BindingMap.of(physicalLink(), virtualLink())).build())
            .build();
    }

    private static NodeIdentifierWithPredicates link(final Uuid id) {
        return entry(QkdLink.QNAME, "qkdl_id", id.getValue());
    }

    @Test
    void qkdNodeWithPhysicalAndVirtualLinksRoundTrips() {
        final var built = richNode();
        final var rt = roundTrip(NODE_ID, built);

        assertEquals(YangInstanceIdentifier.of(QkdNode.QNAME), rt.path());
        // every defaulted leaf is set explicitly, so binding equality holds in both directions
        assertEquals(built, rt.decoded());
        assertEquals(rt.decoded(), built);
        assertEquals(built.hashCode(), rt.decoded().hashCode());
    }

    @Test
    void linkTypeIdentitiesAreEncodedAsQNamesOfTheTypesModule() {
        final var node = roundTrip(NODE_ID, richNode()).node();
        final var links = nid(QKD_LINKS);
        final var linkList = nid(QkdLink.QNAME);

        assertEquals(LOCAL_NODE.getValue(), leaf(node, nid(QKDN_ID)));
        assertEquals(PHYS.QNAME,
            leaf(node, links, linkList, link(PHYS_LINK), nid(QkdLink.QNAME, "qkdl_type")));
        assertEquals(VIRT.QNAME,
            leaf(node, links, linkList, link(VIRT_LINK), nid(QkdLink.QNAME, "qkdl_type")));
        assertEquals("urn:etsi:qkd:yang:etsi-qkd-node-types", PHYS.QNAME.getNamespace().toString());
        assertEquals(TRANSMITTER.QNAME,
            leaf(node, links, linkList, link(PHYS_LINK), nid(QkdLink.QNAME, "phys_qkd_role")));
        assertEquals(ACTIVE.QNAME,
            leaf(node, links, linkList, link(PHYS_LINK), nid(QkdLink.QNAME, "qkdl_status")));
        // the identity of the node's own status lives in the etsi-qkd-node-types namespace too
        assertEquals(OPERATING.QNAME, leaf(node, nid(QkdNode.QNAME, "qkdn_status")));
    }

    @Test
    void physicalLinkLeavesKeepTheirYangTypesInTheNormalizedNode() {
        final var node = roundTrip(NODE_ID, richNode()).node();
        final PathArgument[] phys = new PathArgument[] { nid(QKD_LINKS), nid(QkdLink.QNAME), link(PHYS_LINK) };

        assertEquals(Decimal64.of(3, 4_250), leaf(node, path(phys, nid(QkdLink.QNAME, "phys_channel_att"))));
        assertEquals("32", leaf(node, path(phys, nid(QkdLink.QNAME, "phys_wavelength"))));
        assertEquals(Boolean.TRUE, leaf(node, path(phys, nid(QkdLink.QNAME, "qkdl_enable"))));
        assertEquals(REMOTE_NODE.getValue(),
            leaf(node, path(phys, nid(QkdLink.QNAME, "qkdl_remote"), nid(QkdLink.QNAME, "qkdn_id"))));
        assertEquals(Uint32.valueOf(7),
            leaf(node, path(phys, nid(QkdLink.QNAME, "qkdl_remote"), nid(QkdLink.QNAME, "qkdi_id"))));
        assertEquals(Uint32.valueOf(12_000),
            leaf(node, path(phys, nid(QkdLink.QNAME, "qkdl_performance"), nid(QkdLink.QNAME, "skr"))));
        final var qberEntry = entry(QName.create(QkdLink.QNAME, "phys_perf"), "perf_type", QBER.QNAME);
        assertEquals(Decimal64.of(3, 21), leaf(node, path(phys, nid(QkdLink.QNAME, "qkdl_performance"),
            nid(QkdLink.QNAME, "phys_perf"), qberEntry, nid(QkdLink.QNAME, "value"))));
        // the virtual-link leaves were not set on the physical link and are not invented by the codec
        assertFalse(exists(node, path(phys, nid(QkdLink.QNAME, "virt_bandwidth"))));
    }

    @Test
    void virtualLinkKeepsItsHopsAndBandwidth() {
        final var rt = roundTrip(NODE_ID, richNode());
        final var virt = new PathArgument[] { nid(QKD_LINKS), nid(QkdLink.QNAME), link(VIRT_LINK) };

        assertEquals(Set.of(NEXT_HOP_1.getValue(), NEXT_HOP_2.getValue()),
            Set.copyOf(leafList(rt.node(), path(virt, nid(QkdLink.QNAME, "virt_next_hop")))));
        assertEquals(Boolean.FALSE, leaf(rt.node(), path(virt, nid(QkdLink.QNAME, "qkdl_enable"))));
        assertFalse(exists(rt.node(), path(virt, nid(QkdLink.QNAME, "phys_channel_att"))));

        final QkdLink decoded = rt.decoded().getQkdLinks().nonnullQkdLink().get(new QkdLinkKey(VIRT_LINK));
        assertSame(VIRT.VALUE, decoded.getQkdlType());
        assertInstanceOf(VIRT.class, decoded.getQkdlType());
        assertEquals(LOCAL_NODE, decoded.getVirtPrevHop());
        assertEquals(Set.of(NEXT_HOP_1, NEXT_HOP_2), decoded.getVirtNextHop());
        assertEquals(Uint32.valueOf(1_000), decoded.getVirtBandwidth());
        assertEquals(Boolean.FALSE, decoded.getQkdlEnable());
        assertNull(decoded.getPhysChannelAtt());
        assertEquals(virtualLink(), decoded);
    }

    @Test
    void decodedPhysicalLinkHasTypedValues() {
        final var decoded = roundTrip(NODE_ID, richNode()).decoded();
        final QkdLink phys = decoded.getQkdLinks().nonnullQkdLink().get(new QkdLinkKey(PHYS_LINK));

        assertInstanceOf(PHYS.class, phys.getQkdlType());
        assertInstanceOf(Decimal64.class, phys.getPhysChannelAtt());
        assertEquals(Decimal64.of(3, 4_250), phys.getPhysChannelAtt());
        assertEquals(new Wavelength("32"), phys.getPhysWavelength());
        assertSame(TRANSMITTER.VALUE, phys.getPhysQkdRole());
        assertEquals(Uint32.valueOf(1), phys.getQkdlLocal().getQkdiId());
        assertEquals(Set.of(CLIENT_APP), phys.getQkdlApplications());
        final var perf = phys.getQkdlPerformance().nonnullPhysPerf();
        assertEquals(Set.of(new PhysPerfKey(QBER.VALUE), new PhysPerfKey(SNR.VALUE)), perf.keySet());
        assertEquals(Decimal64.of(3, 17_125), perf.get(new PhysPerfKey(SNR.VALUE)).getValue());
        assertEquals(physicalLink(), phys);
    }

    @Test
    void applicationQosAugmentationFromGroupingRoundTrips() {
        final var rt = roundTrip(NODE_ID, richNode());
        final var qos = new PathArgument[] { nid(QKD_APPLICATIONS), nid(QkdApp.QNAME),
            entry(QkdApp.QNAME, "app_id", CLIENT_APP.getValue()), nid(QkdApp.QNAME, "app_qos") };

        assertEquals(Uint32.valueOf(4_096), leaf(rt.node(), path(qos, nid(QkdApp.QNAME, "max_bandwidth"))));
        // the augment inside "uses app_qos" is flattened into the container, in the node module's namespace
        assertEquals(Boolean.TRUE, leaf(rt.node(), path(qos, nid(QkdApp.QNAME, "clients_shared_path_enable"))));
        assertEquals(Boolean.FALSE, leaf(rt.node(), path(qos, nid(QkdApp.QNAME, "clients_shared_keys_required"))));

        final QkdApp app = rt.decoded().getQkdApplications().nonnullQkdApp().get(new QkdAppKey(CLIENT_APP));
        final var augmentation = app.getAppQos().augmentation(AppQos1.class);
        assertEquals(Boolean.TRUE, augmentation.getClientsSharedPathEnable());
        assertEquals(Boolean.FALSE, augmentation.getClientsSharedKeysRequired());
        assertInstanceOf(CLIENT.class, app.getAppType());
        assertInstanceOf(ON.class, app.getAppStatus());
        assertEquals(new Uri("sae://madrid/vpn-gw-1"), app.getServerAppId());
        assertEquals(Set.of(new Uri("sae://barcelona/vpn-gw-2"), new Uri("sae://valencia/vpn-gw-3")),
            app.getClientAppId());
        assertEquals(new DateAndTime("2027-01-01T00:00:00Z"), app.getExpirationTime());
        assertEquals(Uint32.valueOf(65_536),
            app.getAppStatistics().nonnullStatistics().values().iterator().next().getConsumedBits());
        assertEquals(clientApp(), app);
    }

    @Test
    void interfaceCapabilitiesRoundTrip() {
        final var rt = roundTrip(NODE_ID, richNode());
        final var iface = new PathArgument[] { nid(QKD_INTERFACES), nid(QkdInterface.QNAME),
            entry(QkdInterface.QNAME, "qkdi_id", Uint32.valueOf(1)) };

        assertEquals(DVQKD.QNAME, leaf(rt.node(), path(iface, nid(QkdInterface.QNAME, "qkdi_type"))));
        assertEquals(TRANSCEIVER.QNAME, leaf(rt.node(), path(iface, nid(QkdInterface.QNAME, "qkdi_capabilities"),
            nid(QkdInterface.QNAME, "role_support"))));
        assertEquals(Decimal64.of(3, 25_500), leaf(rt.node(), path(iface,
            nid(QkdInterface.QNAME, "qkdi_capabilities"), nid(QkdInterface.QNAME, "max_absorption"))));

        final QkdInterface decoded = rt.decoded().getQkdInterfaces().nonnullQkdInterface()
            .get(new QkdInterfaceKey(Uint32.valueOf(1)));
        assertEquals(new WavelengthRangeType("1,12-20,40"), decoded.getQkdiCapabilities().getWavelengthRange());
        assertEquals("roadm-1", decoded.getQkdiAttPoint().getDevice());
        assertEquals(qkdInterface(), decoded);
    }

    @Test
    void decodedNodeReportsYangDefaultsForAbsentLeaves() {
        final var minimal = new QkdNodeBuilder()
            .setQkdnId(LOCAL_NODE)
            .setQkdnCapabilities(new QkdnCapabilitiesBuilder().build())
            .setQkdLinks(new QkdLinksBuilder().setQkdLink(BindingMap.of(new QkdLinkBuilder()
                .setQkdlId(PHYS_LINK)
                .setQkdlType(PHYS.VALUE)
                .build())).build())
            .build();
        final var rt = encodeDecode(NODE_ID, minimal);
        final PathArgument[] phys = { nid(QKD_LINKS), nid(QkdLink.QNAME), link(PHYS_LINK) };
        final var enable = nid(QkdLink.QNAME, "qkdl_enable");
        final var location = nid(QkdNode.QNAME, "qkdn_location_id");

        // nothing but what was set reaches the DOM data...
        assertFalse(exists(rt.node(), location));
        assertFalse(exists(rt.node(), path(phys, enable)));
        // ...but the lazily decoded object answers with the YANG defaults, unlike the built one
        assertNull(minimal.getQkdnLocationId());
        final var decoded = rt.decoded();
        assertEquals("", decoded.getQkdnLocationId());
        assertEquals(Boolean.TRUE, decoded.getQkdnCapabilities().getLinkStatsSupport());
        assertEquals(Boolean.TRUE, decoded.getQkdnCapabilities().getKeyRelayModeEnable());
        final QkdLink link = decoded.getQkdLinks().nonnullQkdLink().get(new QkdLinkKey(PHYS_LINK));
        assertEquals(Boolean.TRUE, link.getQkdlEnable());
        assertNotEquals(minimal, decoded);
        // field by field, everything that was set survives
        assertEquals(minimal.getQkdnId(), decoded.getQkdnId());
        assertEquals(minimal.getQkdLinks().nonnullQkdLink().keySet(), decoded.getQkdLinks().nonnullQkdLink().keySet());
        assertSame(PHYS.VALUE, link.getQkdlType());
        assertNull(link.getQkdlStatus());

        // so writing a decoded object back materialises the defaults as explicit leaves
        final var reencoded = encode(NODE_ID, decoded);
        assertNotEquals(rt.node(), reencoded);
        assertEquals("", leaf(reencoded, location));
        assertEquals(Boolean.TRUE, leaf(reencoded, path(phys, enable)));
        assertEquals(Boolean.TRUE, leaf(reencoded, nid(QkdNode.QNAME, "qkdn_capabilities"),
            nid(QkdNode.QNAME, "application_stats_support")));
        // ...and once they are explicit the data is stable
        assertEquals(reencoded, roundTrip(NODE_ID, decoded).node());
    }

    @Test
    void singleLinkEntryRoundTripsAtItsKeyedPath() {
        final var id = DataObjectIdentifier.builder(QkdNode.class)
            .child(org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.QkdLinks.class)
            .child(QkdLink.class, new QkdLinkKey(PHYS_LINK))
            .build();
        final var rt = roundTrip(id, physicalLink());

        assertEquals(YangInstanceIdentifier.of(nid(QkdNode.QNAME), nid(QKD_LINKS), nid(QkdLink.QNAME),
            link(PHYS_LINK)), rt.path());
        assertEquals(physicalLink(), rt.decoded());
        assertEquals(PHYS.QNAME, leaf(rt.node(), nid(QkdLink.QNAME, "qkdl_type")));
    }
}
