package org.sdqkd.qkd.node.impl.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.api.RateSource;

@Timeout(60)
class LinkChannelTest {
    private static final RateSource RATE = new RateSource.Fixed(Planes.FAST);

    @TempDir
    Path dir;
    private TestPki pki;
    private Planes planes;

    @BeforeEach
    void setUp() {
        pki = TestPki.create(dir.resolve("pki"), "Test CA");
        planes = new Planes(pki);
    }

    @AfterEach
    void tearDown() {
        planes.close();
    }

    @Test
    void aPeerWithAnotherNodeIdIsRefused() {
        final NodeIdentity a = planes.node("Hub");
        final NodeIdentity b = planes.node("Spoke");
        final NodeIdentity impostor = planes.impostor("Impostor", b.nodeId());
        refused(a, b, impostor, UUID.randomUUID());
    }

    @Test
    void aPeerOfAnotherCaIsRefused() {
        final TestPki other = TestPki.create(dir.resolve("other"), "Other CA");
        final NodeIdentity a = planes.node("Hub");
        final NodeIdentity b = planes.node("Spoke", other);
        refused(a, b, b, UUID.randomUUID());
    }

    @Test
    void aPeerNamingAnotherLinkIsRefused() {
        final NodeIdentity a = planes.node("Hub");
        final NodeIdentity b = planes.node("Spoke");
        refused(a, b, b, null);
    }

    /** A listens for {@code expected}; {@code actual} connects (to another link ID when {@code otherLink}). */
    private void refused(final NodeIdentity a, final NodeIdentity expected, final NodeIdentity actual,
            final UUID otherLink) {
        final EmulatedKeyPlane planeA = planes.plane(a);
        final EmulatedKeyPlane planeB = planes.plane(actual);
        final UUID link = UUID.randomUUID();
        planeA.applyLinks(List.of(Planes.listen(link, expected, RATE, 1000)));
        final LinkSpec connect = Planes.connect(link, a, planeA, RATE, 1000);
        final UUID connectId = otherLink == null ? UUID.randomUUID() : link;
        planeB.applyLinks(List.of(new LinkSpec(connectId, true, a.nodeId(), connect.channel(), RATE, 0.02, 0.05,
            1000, LinkSpec.Fault.NONE, connect.injectedQber())));
        Planes.pause(1500);
        final LinkState stateA = Planes.state(planeA, link);
        final LinkState stateB = Planes.state(planeB, connectId);
        assertEquals(LinkState.Condition.CONNECTING, stateA.condition());
        assertEquals(LinkState.Condition.CONNECTING, stateB.condition());
        assertEquals(Optional.empty(), stateA.peerNodeName());
        assertEquals(0, stateA.storedKeys());
        assertEquals(0, stateB.storedKeys());
    }

    @Test
    void aReconnectionKeepsOnlyTheUnitsBothEndsHold() throws Exception {
        final Planes.Pair pair = planes.pair(RATE, 5_000);
        pair.awaitStored(1_000);
        pair.changeA(s -> Planes.withFault(s, LinkSpec.Fault.SKR_ZERO));
        pair.awaitCondition(LinkState.Condition.NO_KEY_RATE);
        final EmulatedLink endA = pair.a().link(pair.link());
        final EmulatedLink endB = pair.b().link(pair.link());
        Planes.await("the same units", () -> endA.unitIds().equals(endB.unitIds()));
        final Set<UUID> common = endA.unitIds();
        endA.storeUnits(List.of(unit(), unit()));
        endB.storeUnits(List.of(unit(), unit(), unit()));
        assertEquals(common.size() + 2, endA.unitIds().size());
        endB.breakChannel();
        Planes.await("the intersection at both ends", () -> endA.unitIds().equals(common)
            && endB.unitIds().equals(common));
        pair.awaitCondition(LinkState.Condition.NO_KEY_RATE);
        pair.changeA(s -> Planes.withFault(s, LinkSpec.Fault.NONE));
        pair.awaitCondition(LinkState.Condition.UP);
        final List<DeliveredKey> sent = pair.a().encKeys("SAE_A", List.of("SAE_B"), 10, 256);
        final List<DeliveredKey> got = pair.b().decKeys("SAE_B", "SAE_A", sent.stream().map(DeliveredKey::keyId)
            .toList());
        assertTrue(sent.getFirst().key().sameBytes(got.getFirst().key()));
    }

    @Test
    void aDisconnectedLinkIsUnavailable() {
        final Planes.Pair pair = planes.pair(RATE, 5_000);
        pair.awaitStored(100);
        pair.a().applyLinks(List.of());
        Planes.await("B connecting", () -> pair.stateB().condition() == LinkState.Condition.CONNECTING);
        assertEquals(List.of(), pair.a().links());
        KeyDeliveryTest.assertKind(KeyDeliveryException.Kind.UNAVAILABLE,
            () -> pair.b().encKeys("SAE_B", List.of("SAE_A"), 1, 256));
    }

    @Test
    void aHubServesTwoLinksAndEachEndCanBeMaster() throws Exception {
        final NodeIdentity hub = planes.node("Hub");
        final NodeIdentity b = planes.node("Bravo");
        final NodeIdentity c = planes.node("Charlie");
        final EmulatedKeyPlane planeHub = planes.plane(hub);
        final EmulatedKeyPlane planeB = planes.plane(b);
        final EmulatedKeyPlane planeC = planes.plane(c);
        final UUID toB = UUID.randomUUID();
        final UUID toC = UUID.randomUUID();
        planeHub.applyLinks(List.of(Planes.listen(toB, b, RATE, 5_000), Planes.listen(toC, c, RATE, 5_000)));
        planeB.applyLinks(List.of(Planes.connect(toB, hub, planeHub, RATE, 5_000)));
        planeC.applyLinks(List.of(Planes.connect(toC, hub, planeHub, RATE, 5_000)));
        planeHub.applyApplications(List.of(
            new AppSpec(UUID.randomUUID(), "SAE_H", Set.of("SAE_B"), List.of(toB), Optional.empty(),
                Optional.empty()),
            new AppSpec(UUID.randomUUID(), "SAE_H", Set.of("SAE_C"), List.of(), Optional.of(c.nodeId()),
                Optional.empty())));
        planeB.applyApplications(List.of(Planes.app(UUID.randomUUID(), "SAE_B", "SAE_H")));
        planeC.applyApplications(List.of(Planes.app(UUID.randomUUID(), "SAE_C", "SAE_H")));
        Planes.await("keys on both links", () -> Planes.state(planeB, toB).storedKeys() >= 100
            && Planes.state(planeC, toC).storedKeys() >= 100);
        assertEquals("Bravo", planeHub.status("SAE_H", "SAE_B").targetKmeId());
        assertEquals("Charlie", planeHub.status("SAE_H", "SAE_C").targetKmeId());

        final List<DeliveredKey> forB = planeHub.encKeys("SAE_H", List.of("SAE_B"), 4, 512);
        final List<DeliveredKey> forC = planeHub.encKeys("SAE_H", List.of("SAE_C"), 4, 512);
        final List<UUID> idsB = forB.stream().map(DeliveredKey::keyId).toList();
        final List<UUID> idsC = forC.stream().map(DeliveredKey::keyId).toList();
        KeyDeliveryTest.assertKind(KeyDeliveryException.Kind.BAD_REQUEST,
            () -> planeC.decKeys("SAE_C", "SAE_H", idsB));
        assertTrue(forB.get(3).key().sameBytes(planeB.decKeys("SAE_B", "SAE_H", idsB).get(3).key()));
        assertTrue(forC.get(0).key().sameBytes(planeC.decKeys("SAE_C", "SAE_H", idsC).get(0).key()));
        KeyDeliveryTest.assertKind(KeyDeliveryException.Kind.UNAUTHORIZED,
            () -> planeHub.encKeys("SAE_H", List.of("SAE_B", "SAE_C"), 1, 256));

        final List<DeliveredKey> fromB = planeB.encKeys("SAE_B", List.of("SAE_H"), 2, 256);
        final List<DeliveredKey> atHub = planeHub.decKeys("SAE_H", "SAE_B", fromB.stream()
            .map(DeliveredKey::keyId).toList());
        assertTrue(fromB.get(1).key().sameBytes(atHub.get(1).key()));
        final Set<UUID> unitsB = new HashSet<>(planeHub.link(toB).unitIds());
        unitsB.retainAll(planeHub.link(toC).unitIds());
        assertTrue(unitsB.isEmpty(), "the two links share no unit");

        planeHub.applyLinks(List.of(Planes.listen(toB, b, RATE, 5_000)));
        assertEquals(1, planeHub.links().size());
        Planes.await("C connecting", () -> Planes.state(planeC, toC).condition() == LinkState.Condition.CONNECTING);
        assertFalse(Planes.state(planeB, toB).condition() == LinkState.Condition.CONNECTING);
    }

    private static Frame.Unit unit() {
        return new Frame.Unit(UUID.randomUUID(), KeyBytes.copyOf(new byte[32]));
    }
}
