package org.sdqkd.generated;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.Wavelength;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.WavelengthRangeType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.pot.profile.rev200908.ProfileIndexRange;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.KeyAssociationBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.key.association.rev261122.key.associations.key.association.route.relayed.RelayHopBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.NetconfBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.OpotProtectionBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.opot.protection.ProtectionBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.opot.rev261122.pot.profiles.pot.profile.set.opot.protection.UpstreamBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.ssh.qkd.KmeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.ssh.qkd.RekeyBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.BitRate;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.HttpsUrl;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.KeySize;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.KmeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.Qber;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.SaeId;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The generated typedef classes and builders enforce the patterns, lengths and ranges of the YANG types: an
 * invalid value never makes it into a binding object.
 */
class GeneratedTypesRejectInvalidValuesTest {
    private static final String UUID = "0a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";

    private static void assertRejected(final Executable executable, final String offendingValue) {
        final var ex = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(ex.getMessage().contains(offendingValue),
            () -> "message does not name the value " + offendingValue + ": " + ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not-a-uuid",
        "0a7b1c2d3e4f4a5b8c6d7e8f9a0b1c2d",
        "0a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2",
        "0a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d0",
        "0a7b1c2g-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
        "{0a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d}",
        ""
    })
    void uuidsWithBadPatternAreRejected(final String value) {
        assertThrows(IllegalArgumentException.class, () -> new Uuid(value));
        assertThrows(IllegalArgumentException.class, () -> new NodeId(value));
        assertThrows(IllegalArgumentException.class, () -> new LinkId(value));
    }

    @Test
    void wellFormedUuidsAreAcceptedInEitherCase() {
        assertEquals(UUID, new Uuid(UUID).getValue());
        final var upper = UUID.toUpperCase(Locale.ROOT);
        assertEquals(upper, new NodeId(upper).getValue());
        assertEquals(new Uuid(UUID).getValue(), new LinkId(new Uuid(UUID)).getValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "sae madrid", "sae\tmadrid", " sae", "-sae", ".sae", "_sae", "sae/1", "sae@madrid",
        "säe" })
    void saeIdsOutsideThePatternAreRejected(final String value) {
        assertRejected(() -> new SaeId(value), value);
    }

    @Test
    void saeIdLengthIsOneToSixtyFour() {
        assertThrows(IllegalArgumentException.class, () -> new SaeId(""));
        assertRejected(() -> new SaeId("a".repeat(65)), "a".repeat(65));
        assertEquals(64, new SaeId("a".repeat(64)).getValue().length());
        assertEquals("S", new SaeId("S").getValue());
        assertEquals("sae-1.madrid_vpn", new SaeId("sae-1.madrid_vpn").getValue());
    }

    @Test
    void kmeIdsFollowTheSameRulesAsSaeIds() {
        assertRejected(() -> new KmeId("kme madrid"), "kme madrid");
        assertThrows(IllegalArgumentException.class, () -> new KmeId(""));
        assertThrows(IllegalArgumentException.class, () -> new KmeId("k".repeat(65)));
        assertDoesNotThrow(() -> new KmeId("kme-madrid.1"));
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 1, 8, 63, 65_537, 4_294_967_295L })
    void keySizesOutsideSixtyFourTo65536AreRejected(final long bits) {
        assertRejected(() -> new KeySize(Uint32.valueOf(bits)), Long.toString(bits));
    }

    @Test
    void keySizeBoundsAreAccepted() {
        assertEquals(Uint32.valueOf(64), new KeySize(Uint32.valueOf(64)).getValue());
        assertEquals(Uint32.valueOf(65_536), new KeySize(Uint32.valueOf(65_536)).getValue());
        assertEquals(KeySize.getDefaultInstance("256"), new KeySize(Uint32.valueOf(256)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://kme.example", "https://", "ftp://kme.example", "kme.example:8443",
        "HTTPS://kme.example" })
    void kmeUrlsMustBeHttps(final String url) {
        assertRejected(() -> new HttpsUrl(url), url);
    }

    @Test
    void httpsUrlIsAccepted() {
        assertEquals("https://kme.madrid.example:8443", new HttpsUrl("https://kme.madrid.example:8443").getValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "-0.000001", "1.000001", "2", "-1" })
    void qberOutsideZeroToOneIsRejected(final String qber) {
        assertThrows(IllegalArgumentException.class, () -> new Qber(Decimal64.valueOf(qber)));
    }

    @Test
    void qberBoundsAreAccepted() {
        assertDoesNotThrow(() -> new Qber(Decimal64.of(6, 0)));
        assertDoesNotThrow(() -> new Qber(Decimal64.of(6, 1_000_000)));
        assertDoesNotThrow(() -> new Qber(Decimal64.of(6, 110_000)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 17, 255 })
    void relayHopPositionOutsideOneToSixteenIsRejected(final int position) {
        final var builder = new RelayHopBuilder();
        assertRejected(() -> builder.setPosition(Uint8.valueOf(position)), Integer.toString(position));
    }

    @Test
    void relayHopPositionBoundsAreAccepted() {
        assertEquals(Uint8.ONE, new RelayHopBuilder().setPosition(Uint8.ONE).getPosition());
        assertEquals(Uint8.valueOf(16), new RelayHopBuilder().setPosition(Uint8.valueOf(16)).getPosition());
    }

    @Test
    void keyAssociationBuilderEnforcesLeafRanges() {
        final var builder = new KeyAssociationBuilder();
        assertRejected(() -> builder.setMaxStoredKeys(Uint32.ZERO), "0");
        assertRejected(() -> builder.setMaxStoredKeys(Uint32.valueOf(1_000_001)), "1000001");
        assertThrows(IllegalArgumentException.class, () -> builder.setName(""));
        assertThrows(IllegalArgumentException.class, () -> builder.setName("n".repeat(65)));
        assertDoesNotThrow(() -> builder.setMaxStoredKeys(Uint32.valueOf(1_000_000)).setName("n".repeat(64)));
    }

    @Test
    void networkBuildersEnforceStringLengths() {
        assertThrows(IllegalArgumentException.class, () -> new NodeBuilder().setName(""));
        assertThrows(IllegalArgumentException.class, () -> new NodeBuilder().setName("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> new NodeBuilder().setLocation("x".repeat(256)));
        assertDoesNotThrow(() -> new NodeBuilder().setLocation(""));
        assertThrows(IllegalArgumentException.class, () -> new NetconfBuilder().setUsername(""));
    }

    @Test
    void sshQkdBuildersEnforceTimeoutAndRekeyRanges() {
        assertRejected(() -> new KmeBuilder().setTimeout(Uint32.valueOf(99)), "99");
        assertRejected(() -> new KmeBuilder().setTimeout(Uint32.valueOf(60_001)), "60001");
        assertRejected(() -> new RekeyBuilder().setMaxBytes(Uint64.valueOf(1_023)), "1023");
        assertRejected(() -> new RekeyBuilder().setMaxTime(Uint32.valueOf(9)), "9");
        assertRejected(() -> new RekeyBuilder().setMaxTime(Uint32.valueOf(86_401)), "86401");
        assertDoesNotThrow(() -> new RekeyBuilder().setMaxBytes(Uint64.MAX_VALUE).setMaxTime(Uint32.valueOf(10)));
    }

    @Test
    void opotBuildersEnforceFlowIdAndRefreshRanges() {
        assertRejected(() -> new OpotProtectionBuilder().setFlowId(Uint32.ZERO), "0");
        assertRejected(() -> new ProtectionBuilder().setRefreshInterval(Uint32.ZERO), "0");
        assertRejected(() -> new ProtectionBuilder().setRefreshInterval(Uint32.valueOf(86_401)), "86401");
        assertRejected(() -> new ProtectionBuilder().setRefreshPackets(Uint64.ZERO), "0");
        assertDoesNotThrow(() -> new ProtectionBuilder().setRefreshPackets(Uint64.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 2, Integer.MAX_VALUE })
    void potProfileIndexIsZeroOrOne(final int index) {
        assertRejected(() -> new ProfileIndexRange(index), Integer.toString(index));
    }

    @Test
    void etsiWavelengthTypesEnforceTheirPatterns() {
        assertThrows(IllegalArgumentException.class, () -> new Wavelength("0"));
        assertThrows(IllegalArgumentException.class, () -> new Wavelength("12345"));
        assertThrows(IllegalArgumentException.class, () -> new Wavelength("C32"));
        assertDoesNotThrow(() -> new Wavelength("9999"));
        assertThrows(IllegalArgumentException.class, () -> new WavelengthRangeType("20-"));
        assertThrows(IllegalArgumentException.class, () -> new WavelengthRangeType("1, 2"));
        assertDoesNotThrow(() -> new WavelengthRangeType("1,12-20,40,50-80"));
    }

    @Test
    void importedIetfTypesEnforceTheirPatternsAndRanges() {
        assertThrows(IllegalArgumentException.class, () -> new Ipv4Address("300.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> new DateAndTime("22/11/2026 10:00"));
        // port-number is a uint16: nothing above 65535 can even be expressed
        assertThrows(IllegalArgumentException.class, () -> Uint16.valueOf(65_536));
        assertThrows(IllegalArgumentException.class, () -> Uint16.valueOf(-1));
    }

    /**
     * Restrictions written on a leaf whose type is a typedef ({@code type inet:port-number { range "1..max"; }},
     * {@code type sdqkd-t:bit-rate { range "1..max"; }}), patterns on plain string leaves and {@code must}
     * expressions are not generated into the bindings. Port 0, a zero key rate, a key association name outside its
     * pattern and a key size that is not a whole number of bytes all pass the binding layer; only the YANG
     * validation of the datastore rejects them. If a future generator starts enforcing them, this test tells.
     */
    @Test
    void leafRestrictionsOnDerivedTypesArePassedToTheDatastore() {
        final var portZero = new PortNumber(Uint16.ZERO);
        assertDoesNotThrow(() -> new UpstreamBuilder().setPort(portZero).build());
        assertDoesNotThrow(() -> new NetconfBuilder().setPort(portZero).build());
        assertDoesNotThrow(() -> new KeyAssociationBuilder()
            .setKeyRate(new BitRate(Uint64.ZERO))
            .setName("not a valid name!")
            .setKeySize(new KeySize(Uint32.valueOf(100)))
            .build());
    }
}
