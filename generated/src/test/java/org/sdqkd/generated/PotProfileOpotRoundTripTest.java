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
import static org.sdqkd.generated.BindingCodecFixture.leafList;
import static org.sdqkd.generated.BindingCodecFixture.listEntries;
import static org.sdqkd.generated.BindingCodecFixture.nid;
import static org.sdqkd.generated.BindingCodecFixture.path;
import static org.sdqkd.generated.BindingCodecFixture.roundTrip;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.PotProfiles;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.PotProfilesBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.ProfileIndexRange;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.opot.profile.OpotMasks;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.opot.profile.OpotMasksBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.pot.profile.PotProfileList;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.pot.profile.PotProfileListBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.pot.profiles.PotProfileSet;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.pot.profiles.PotProfileSetBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.pot.profiles.PotProfileSetKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Counter64;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.Aes128Gcm;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.Aes256Gcm;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.Chacha20Poly1305;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.EtsiQkd014;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.PotProfileSet1;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.PotProfileSet1Builder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.Role;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.OpotProtection;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.OpotProtectionBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.opot.protection.DownstreamBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.opot.protection.FlowMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.opot.protection.ProtectionBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.opot.protection.StatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.opot.protection.UpstreamBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.SaeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;

/**
 * ietf-pot-profile with the sdqkd-opot augmentation of pot-profile-set: ordered proof-of-transit profiles with
 * per-hop QKD protection survive binding -> NormalizedNode -> binding, augmentation included.
 */
class PotProfileOpotRoundTripTest {
    private static final DataObjectIdentifier<PotProfiles> PROFILES =
        DataObjectIdentifier.builder(PotProfiles.class).build();

    private static final String EGRESS_SET = "chain-7-egress";
    private static final String TRANSIT_SET = "chain-3-transit";
    /** The largest prime below 2^64: does not fit in a signed long. */
    private static final Uint64 PRIME = Uint64.valueOf("18446744073709551557");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Uint64 BITMASK_DEFAULT = Uint64.valueOf(4_294_967_295L);

    private static final QName OPOT_NS = OpotProtection.QNAME;
    private static final QName POT_NS = PotProfiles.QNAME;

    @BeforeAll
    static void createCodec() {
        BindingCodecFixture.codec();
    }

    private static PotProfileList profile(final int index, final boolean validator) {
        final var builder = new PotProfileListBuilder()
            .setPotProfileIndex(new ProfileIndexRange(index))
            .setStatus(index == 1)
            .setPrimeNumber(PRIME)
            .setSecretShare(Uint64.valueOf(LONG_MAX.add(BigInteger.valueOf(index + 1))))
            .setPublicPolynomial(Uint64.valueOf(1_234_567_890_123L + index))
            .setLpc(Uint64.valueOf(42 + index))
            .setValidator(validator)
            .setBitmask(BITMASK_DEFAULT)
            .setOpotMasks(new OpotMasksBuilder()
                .setDownstreamMask(Set.of(Uint64.valueOf(0xDEAD_BEEFL + index), Uint64.MAX_VALUE))
                .setUpstreamMask(Set.of(Uint64.valueOf(0xCAFE_F00DL + index), Uint64.ONE))
                .build());
        if (validator) {
            builder.setValidatorKey(Uint64.valueOf("9223372036854775809"));
        }
        return builder.build();
    }

    /** A transit node's profile set: every defaulted leaf is set explicitly. */
    private static PotProfileSet transitSet() {
        return new PotProfileSetBuilder()
            .setPotProfileName(TRANSIT_SET)
            // ordered-by user: index 1 deliberately before index 0
            .setPotProfileList(List.of(profile(1, false), profile(0, false)))
            .addAugmentation(new PotProfileSet1Builder()
                .setOpotProtection(new OpotProtectionBuilder()
                    .setRole(Role.Transit)
                    .setFlowId(Uint32.valueOf(7_001))
                    .setFlowMatch(new FlowMatchBuilder()
                        .setSourcePrefix(new IpPrefix(new Ipv4Prefix("10.1.0.0/16")))
                        .setDestinationPrefix(new IpPrefix(new Ipv6Prefix("2001:db8::/32")))
                        .setProtocol(Uint8.valueOf(17))
                        .setDestinationPort(new PortNumber(Uint16.valueOf(4_789)))
                        .build())
                    .setUpstream(new UpstreamBuilder()
                        .setAddress(new IpAddress(new Ipv4Address("192.0.2.1")))
                        .setPort(new PortNumber(Uint16.valueOf(5_445)))
                        .setPeerSaeId(new SaeId("sae-madrid-opot"))
                        .build())
                    .setDownstream(new DownstreamBuilder()
                        .setAddress(new IpAddress(new Ipv6Address("2001:db8::3")))
                        .setPort(new PortNumber(Uint16.valueOf(6_000)))
                        .setPeerSaeId(new SaeId("sae-valencia-opot"))
                        .build())
                    .setProtection(new ProtectionBuilder()
                        .setKeySource(EtsiQkd014.VALUE)
                        .setLocalSaeId(new SaeId("sae-barcelona-opot"))
                        .setCipher(Chacha20Poly1305.VALUE)
                        .setRefreshPackets(Uint64.valueOf(5_000_000_000L))
                        .setRefreshInterval(Uint32.valueOf(30))
                        .build())
                    .setStatistics(new StatisticsBuilder()
                        .setPacketsReceived(new Counter64(Uint64.valueOf(1_000_000_007L)))
                        .setPacketsForwarded(new Counter64(Uint64.valueOf(1_000_000_000L)))
                        .setPacketsRejected(new Counter64(Uint64.valueOf(7)))
                        .setKeyRefreshes(new Counter64(Uint64.valueOf(1_000)))
                        .setLastRejection(new DateAndTime("2026-11-22T12:34:56.789+01:00"))
                        .build())
                    .build())
                .build())
            .build();
    }

    /** An egress node's profile set, with the validator key. */
    private static PotProfileSet egressSet() {
        return new PotProfileSetBuilder()
            .setPotProfileName(EGRESS_SET)
            .setPotProfileList(List.of(profile(0, true)))
            .addAugmentation(new PotProfileSet1Builder()
                .setOpotProtection(new OpotProtectionBuilder()
                    .setRole(Role.Egress)
                    .setFlowId(Uint32.valueOf(7_002))
                    .setUpstream(new UpstreamBuilder()
                        .setAddress(new IpAddress(new Ipv4Address("192.0.2.2")))
                        .setPort(new PortNumber(Uint16.valueOf(5_445)))
                        .setPeerSaeId(new SaeId("sae-barcelona-opot"))
                        .build())
                    .setProtection(new ProtectionBuilder()
                        .setKeySource(EtsiQkd014.VALUE)
                        .setLocalSaeId(new SaeId("sae-valencia-opot"))
                        .setCipher(Aes128Gcm.VALUE)
                        .setRefreshPackets(Uint64.valueOf(1_000_000))
                        .setRefreshInterval(Uint32.valueOf(60))
                        .build())
                    .build())
                .build())
            .build();
    }

    private static PotProfiles richProfiles() {
        // ordered-by user: not in key order
        return new PotProfilesBuilder().setPotProfileSet(List.of(transitSet(), egressSet())).build();
    }

    private static PathArgument[] set(final String name) {
        return new PathArgument[] {
            nid(PotProfileSet.QNAME), entry(PotProfileSet.QNAME, "pot-profile-name", name)
        };
    }

    @Test
    void potProfilesWithOpotProtectionAugmentationRoundTrip() {
        final var built = richProfiles();
        final var rt = roundTrip(PROFILES, built);

        assertEquals(YangInstanceIdentifier.of(PotProfiles.QNAME), rt.path());
        assertEquals(built, rt.decoded());
        assertEquals(rt.decoded(), built);
    }

    @Test
    void augmentationIsEncodedUnderPotProfileSetInTheOpotNamespace() {
        final var node = roundTrip(PROFILES, richProfiles()).node();
        final var transit = set(TRANSIT_SET);

        assertEquals("urn:sdqkd:yang:sdqkd-opot", OPOT_NS.getNamespace().toString());
        assertEquals("urn:ietf:params:xml:ns:yang:ietf-pot-profile", POT_NS.getNamespace().toString());
        // the augmentation container is a direct child of the list entry, named in the augmenting module
        final var opot = nid(OpotProtection.QNAME);
        assertTrue(exists(node, path(transit, opot)));
        assertFalse(exists(node, path(transit, nid(POT_NS, "opot-protection"))));
        assertEquals("transit", leaf(node, path(transit, opot, nid(OPOT_NS, "role"))));
        assertEquals("egress", leaf(node, path(set(EGRESS_SET), opot, nid(OPOT_NS, "role"))));
        assertEquals(Uint32.valueOf(7_001), leaf(node, path(transit, opot, nid(OPOT_NS, "flow-id"))));
        // its own children, and what it reuses from sdqkd-types, are in the opot namespace too
        final var protection = path(transit, opot, nid(OPOT_NS, "protection"));
        assertEquals(Chacha20Poly1305.QNAME, leaf(node, path(protection, nid(OPOT_NS, "cipher"))));
        assertEquals(EtsiQkd014.QNAME, leaf(node, path(protection, nid(OPOT_NS, "key-source"))));
        assertEquals("sae-barcelona-opot", leaf(node, path(protection, nid(OPOT_NS, "local-sae-id"))));
        assertEquals(Uint64.valueOf(5_000_000_000L), leaf(node, path(protection, nid(OPOT_NS, "refresh-packets"))));
        final var upstream = path(transit, opot, nid(OPOT_NS, "upstream"));
        assertEquals("192.0.2.1", leaf(node, path(upstream, nid(OPOT_NS, "address"))));
        assertEquals(Uint16.valueOf(5_445), leaf(node, path(upstream, nid(OPOT_NS, "port"))));
        assertEquals("sae-madrid-opot", leaf(node, path(upstream, nid(OPOT_NS, "peer-sae-id"))));
        final var match = path(transit, opot, nid(OPOT_NS, "flow-match"));
        assertEquals("10.1.0.0/16", leaf(node, path(match, nid(OPOT_NS, "source-prefix"))));
        assertEquals("2001:db8::/32", leaf(node, path(match, nid(OPOT_NS, "destination-prefix"))));
        assertEquals(Uint8.valueOf(17), leaf(node, path(match, nid(OPOT_NS, "protocol"))));
        // the base module's leaves next to it stay in the pot namespace
        assertEquals(TRANSIT_SET, leaf(node, path(transit, nid(POT_NS, "pot-profile-name"))));
        // the egress chain end has no downstream
        assertFalse(exists(node, path(set(EGRESS_SET), opot, nid(OPOT_NS, "downstream"))));
    }

    @Test
    void orderedByUserListsKeepTheirOrder() {
        final var rt = roundTrip(PROFILES, richProfiles());

        final var sets = find(rt.node(), nid(PotProfileSet.QNAME));
        assertInstanceOf(UserMapNode.class, sets);
        assertEquals(List.of(TRANSIT_SET, EGRESS_SET), listEntries(rt.node(), nid(PotProfileSet.QNAME)).stream()
            .map(e -> e.name().getValue(QName.create(POT_NS, "pot-profile-name")))
            .toList());
        final var profiles = listEntries(rt.node(), path(set(TRANSIT_SET), nid(PotProfileList.QNAME)));
        assertEquals(List.of(1, 0), profiles.stream()
            .map(e -> e.name().getValue(QName.create(POT_NS, "pot-profile-index")))
            .toList());

        final var decoded = rt.decoded().getPotProfileSet();
        assertEquals(List.of(TRANSIT_SET, EGRESS_SET), decoded.stream().map(PotProfileSet::getPotProfileName).toList());
        assertEquals(List.of(new ProfileIndexRange(1), new ProfileIndexRange(0)),
            decoded.get(0).getPotProfileList().stream().map(PotProfileList::getPotProfileIndex).toList());
        assertEquals(new PotProfileSetKey(TRANSIT_SET), decoded.get(0).key());
    }

    @Test
    void unsignedSixtyFourBitValuesSurviveBeyondLongMaxValue() {
        final var rt = roundTrip(PROFILES, richProfiles());
        final var profile = path(set(EGRESS_SET), nid(PotProfileList.QNAME),
            entry(PotProfileList.QNAME, "pot-profile-index", 0));

        assertEquals(PRIME, leaf(rt.node(), path(profile, nid(POT_NS, "prime-number"))));
        assertEquals(Uint64.valueOf("9223372036854775809"),
            leaf(rt.node(), path(profile, nid(POT_NS, "validator-key"))));
        final var masks = path(profile, nid(OpotMasks.QNAME));
        assertEquals(Set.of(Uint64.valueOf(0xDEAD_BEEFL), Uint64.MAX_VALUE),
            Set.copyOf(leafList(rt.node(), path(masks, nid(POT_NS, "downstream-mask")))));

        final PotProfileList decoded = rt.decoded().getPotProfileSet().get(1).getPotProfileList().get(0);
        assertInstanceOf(Uint64.class, decoded.getPrimeNumber());
        assertEquals(PRIME, decoded.getPrimeNumber());
        assertTrue(decoded.getPrimeNumber().longValue() < 0, "stored in the bits of a negative long");
        assertEquals(Uint64.valueOf(LONG_MAX.add(BigInteger.ONE)), decoded.getSecretShare());
        assertEquals(Set.of(Uint64.valueOf(0xCAFE_F00DL), Uint64.ONE), decoded.getOpotMasks().getUpstreamMask());
        assertEquals(Boolean.TRUE, decoded.getValidator());
    }

    @Test
    void decodedAugmentationHasTypedValues() {
        final var decoded = roundTrip(PROFILES, richProfiles()).decoded();
        final var transit = decoded.getPotProfileSet().get(0);
        final var augmentation = transit.augmentation(PotProfileSet1.class);
        final var protection = augmentation.getOpotProtection();

        assertEquals(1, transit.augmentations().size());
        assertSame(Role.Transit, protection.getRole());
        assertSame(Chacha20Poly1305.VALUE, protection.getProtection().getCipher());
        assertInstanceOf(EtsiQkd014.class, protection.getProtection().getKeySource());
        assertEquals(Uint64.valueOf(5_000_000_000L), protection.getProtection().getRefreshPackets());
        assertEquals(new SaeId("sae-barcelona-opot"), protection.getProtection().getLocalSaeId());
        assertEquals(new IpAddress(new Ipv6Address("2001:db8::3")), protection.getDownstream().getAddress());
        assertEquals(new PortNumber(Uint16.valueOf(6_000)), protection.getDownstream().getPort());
        assertEquals(new IpPrefix(new Ipv4Prefix("10.1.0.0/16")), protection.getFlowMatch().getSourcePrefix());
        assertEquals(new Counter64(Uint64.valueOf(1_000_000_007L)), protection.getStatistics().getPacketsReceived());
        assertEquals(new DateAndTime("2026-11-22T12:34:56.789+01:00"), protection.getStatistics().getLastRejection());
        assertEquals(transitSet().augmentation(PotProfileSet1.class), augmentation);

        final var egress = decoded.getPotProfileSet().get(1).augmentation(PotProfileSet1.class).getOpotProtection();
        assertSame(Role.Egress, egress.getRole());
        assertSame(Aes128Gcm.VALUE, egress.getProtection().getCipher());
        assertNull(egress.getDownstream());
    }

    @Test
    void opotProtectionRoundTripsAtItsAugmentationPath() {
        final var id = DataObjectIdentifier.builder(PotProfiles.class)
            .child(PotProfileSet.class, new PotProfileSetKey(TRANSIT_SET))
            .augmentation(PotProfileSet1.class)
            .child(OpotProtection.class)
            .build();
        final var built = transitSet().augmentation(PotProfileSet1.class).getOpotProtection();
        final var rt = roundTrip(id, built);

        assertEquals(YangInstanceIdentifier.of(nid(PotProfiles.QNAME), nid(PotProfileSet.QNAME),
            entry(PotProfileSet.QNAME, "pot-profile-name", TRANSIT_SET), nid(OpotProtection.QNAME)), rt.path());
        assertEquals("transit", leaf(rt.node(), nid(OPOT_NS, "role")));
        assertEquals(built, rt.decoded());
    }

    @Test
    void profileSetWithoutAugmentationHasNoOpotData() {
        final var plain = new PotProfilesBuilder().setPotProfileSet(List.of(new PotProfileSetBuilder()
            .setPotProfileName("plain-pot")
            .setPotProfileList(List.of(profile(0, false)))
            .build())).build();
        final var rt = roundTrip(PROFILES, plain);

        assertFalse(exists(rt.node(), path(set("plain-pot"), nid(OpotProtection.QNAME))));
        final var decodedSet = rt.decoded().getPotProfileSet().get(0);
        assertTrue(decodedSet.augmentations().isEmpty());
        assertNull(decodedSet.augmentation(PotProfileSet1.class));
        assertEquals(plain, rt.decoded());
    }

    @Test
    void decodedProfilesReportYangDefaultsForAbsentLeaves() {
        final var minimal = new PotProfilesBuilder().setPotProfileSet(List.of(new PotProfileSetBuilder()
            .setPotProfileName("minimal")
            .setPotProfileList(List.of(new PotProfileListBuilder()
                .setPotProfileIndex(new ProfileIndexRange(0))
                .setPrimeNumber(Uint64.valueOf(101))
                .setSecretShare(Uint64.valueOf(5))
                .setPublicPolynomial(Uint64.valueOf(6))
                .setLpc(Uint64.valueOf(7))
                .build()))
            .addAugmentation(new PotProfileSet1Builder()
                .setOpotProtection(new OpotProtectionBuilder()
                    .setRole(Role.Ingress)
                    .setFlowId(Uint32.ONE)
                    .setDownstream(new DownstreamBuilder()
                        .setAddress(new IpAddress(new Ipv4Address("198.51.100.9")))
                        .setPeerSaeId(new SaeId("sae-next"))
                        .build())
                    .setProtection(new ProtectionBuilder().setLocalSaeId(new SaeId("sae-here")).build())
                    .build())
                .build())
            .build())).build();
        final var rt = encodeDecode(PROFILES, minimal);
        final var protectionPath = path(set("minimal"), nid(OpotProtection.QNAME), nid(OPOT_NS, "protection"));
        assertFalse(exists(rt.node(), path(protectionPath, nid(OPOT_NS, "cipher"))));

        final var set = rt.decoded().getPotProfileSet().get(0);
        final var profile = set.getPotProfileList().get(0);
        assertEquals(BITMASK_DEFAULT, profile.getBitmask());
        assertEquals(Boolean.FALSE, profile.getValidator());
        assertEquals(Boolean.FALSE, profile.getStatus());
        assertNull(profile.getValidatorKey());
        final var opot = set.augmentation(PotProfileSet1.class).getOpotProtection();
        assertSame(Aes256Gcm.VALUE, opot.getProtection().getCipher());
        assertSame(EtsiQkd014.VALUE, opot.getProtection().getKeySource());
        assertEquals(Uint64.valueOf(1_000_000), opot.getProtection().getRefreshPackets());
        assertEquals(Uint32.valueOf(60), opot.getProtection().getRefreshInterval());
        assertEquals(new PortNumber(Uint16.valueOf(5_445)), opot.getDownstream().getPort());
        assertNull(opot.getUpstream());
        // set fields survive, defaults make the objects differ
        assertSame(Role.Ingress, opot.getRole());
        assertEquals(new SaeId("sae-next"), opot.getDownstream().getPeerSaeId());
        assertEquals(Uint64.valueOf(101), profile.getPrimeNumber());
        assertNotEquals(minimal, rt.decoded());
    }

    @Test
    void profileListIsUserOrderedWhileMaskLeafListsAreNot() {
        final var node = roundTrip(PROFILES, richProfiles()).node();
        final var profiles = path(set(TRANSIT_SET), nid(PotProfileList.QNAME));
        final var masks = find(node, path(profiles, entry(PotProfileList.QNAME, "pot-profile-index", 1),
            nid(OpotMasks.QNAME), nid(POT_NS, "upstream-mask")));

        assertInstanceOf(UserMapNode.class, find(node, profiles));
        assertFalse(masks instanceof UserLeafSetNode, "opot-masks leaf-lists are ordered-by system");
    }

    /**
     * The codec does not validate either: hop-endpoint's port is {@code inet:port-number { range "1..max"; }},
     * yet port 0 is encoded and decoded without complaint. Only datastore validation can refuse it.
     */
    @Test
    void codecDoesNotEnforceLeafRangesSoPortZeroReachesTheDomData() {
        final var id = DataObjectIdentifier.builder(PotProfiles.class)
            .child(PotProfileSet.class, new PotProfileSetKey(TRANSIT_SET))
            .augmentation(PotProfileSet1.class)
            .child(OpotProtection.class)
            .build();
        final var portZero = new OpotProtectionBuilder(transitSet().augmentation(PotProfileSet1.class)
                .getOpotProtection())
            .setUpstream(new UpstreamBuilder()
                .setAddress(new IpAddress(new Ipv4Address("192.0.2.1")))
                .setPort(new PortNumber(Uint16.ZERO))
                .setPeerSaeId(new SaeId("sae-madrid-opot"))
                .build())
            .build();
        final var rt = roundTrip(id, portZero);

        assertEquals(Uint16.ZERO, leaf(rt.node(), nid(OPOT_NS, "upstream"), nid(OPOT_NS, "port")));
        assertEquals(new PortNumber(Uint16.ZERO), rt.decoded().getUpstream().getPort());
    }
}
