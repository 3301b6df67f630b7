package org.sdqkd.qkd.node.impl.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.Status;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.AppUsage;
import org.sdqkd.qkd.node.api.RateSource;

@Timeout(60)
class KeyDeliveryTest {
    @TempDir
    Path dir;
    private Planes planes;

    @BeforeEach
    void setUp() {
        planes = new Planes(TestPki.create(dir, "Test CA"));
    }

    @AfterEach
    void tearDown() {
        planes.close();
    }

    @Test
    void tenThousandKeysEncryptedAtOneEndDecryptAtTheOther() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 40_000);
        int done = 0;
        final Set<UUID> ids = new HashSet<>();
        while (done < 10_000) {
            pair.awaitStored(500);
            final List<DeliveredKey> sent = pair.a().encKeys("SAE_A", List.of("SAE_B"), 500, 256);
            final List<UUID> keyIds = sent.stream().map(DeliveredKey::keyId).toList();
            final List<DeliveredKey> received = pair.b().decKeys("SAE_B", "SAE_A", keyIds);
            assertEquals(500, received.size());
            for (int i = 0; i < sent.size(); i++) {
                assertEquals(sent.get(i).keyId(), received.get(i).keyId());
                assertEquals(32, sent.get(i).key().length());
                assertTrue(sent.get(i).key().sameBytes(received.get(i).key()), "key " + i + " differs");
                assertTrue(ids.add(sent.get(i).keyId()));
            }
            done += sent.size();
        }
        final List<AppUsage> usageA = pair.a().applications();
        assertEquals(10_000, usageA.getFirst().keysDelivered());
        assertEquals(10_000 * 256L, usageA.getFirst().bitsDelivered());
        assertEquals(10_000, pair.b().applications().getFirst().keysDelivered());
        assertEquals(10_000, pair.stateA().keysDelivered());
        assertEquals(10_000, pair.stateB().keysDelivered());
    }

    @Test
    void bothStoresHoldTheSameUnits() {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 5_000);
        pair.awaitStored(1_000);
        pair.changeA(s -> Planes.withFault(s, LinkSpec.Fault.SKR_ZERO));
        pair.awaitCondition(LinkState.Condition.NO_KEY_RATE);
        Planes.await("the same units at both ends",
            () -> pair.a().link(pair.link()).unitIds().equals(pair.b().link(pair.link()).unitIds()));
        assertTrue(pair.a().link(pair.link()).unitIds().size() >= 1_000);
    }

    @Test
    void keysOfOtherSizesAreCutFromWholeUnits() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 5_000);
        pair.awaitStored(200);
        for (int size : new int[] {64, 264, 8192}) {
            final List<DeliveredKey> sent = pair.a().encKeys("SAE_A", List.of("SAE_B"), 3, size);
            final List<DeliveredKey> got = pair.b().decKeys("SAE_B", "SAE_A",
                sent.stream().map(DeliveredKey::keyId).toList());
            for (int i = 0; i < 3; i++) {
                assertEquals(size / 8, sent.get(i).key().length());
                assertTrue(sent.get(i).key().sameBytes(got.get(i).key()));
            }
        }
        assertKind(KeyDeliveryException.Kind.BAD_REQUEST, () -> pair.a().encKeys("SAE_A", List.of("SAE_B"), 1, 60));
        assertKind(KeyDeliveryException.Kind.BAD_REQUEST, () -> pair.a().encKeys("SAE_A", List.of("SAE_B"), 1, 8200));
        assertKind(KeyDeliveryException.Kind.BAD_REQUEST, () -> pair.a().encKeys("SAE_A", List.of("SAE_B"),
            Etsi014Limits.MAX_KEYS_PER_REQUEST + 1, 256));
    }

    @Test
    void fiftyThreadsNeverGetTheSameKeyTwice() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 20_000);
        pair.awaitStored(5_000);
        final Set<UUID> keyIds = ConcurrentHashMap.newKeySet();
        final Set<String> keyBytes = ConcurrentHashMap.newKeySet();
        final AtomicInteger delivered = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            final List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        final List<DeliveredKey> sent;
                        try {
                            sent = pair.a().encKeys("SAE_A", List.of("SAE_B"), 10, 256);
                        } catch (KeyDeliveryException e) {
                            assertEquals(KeyDeliveryException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
                            continue;
                        }
                        final List<DeliveredKey> got = pair.b().decKeys("SAE_B", "SAE_A",
                            sent.stream().map(DeliveredKey::keyId).toList());
                        for (int i = 0; i < sent.size(); i++) {
                            assertTrue(keyIds.add(sent.get(i).keyId()), "a key_ID twice");
                            assertTrue(keyBytes.add(Arrays.toString(sent.get(i).key().bytes())), "key bytes twice");
                            assertTrue(sent.get(i).key().sameBytes(got.get(i).key()));
                            delivered.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(delivered.get() > 2_500, "delivered " + delivered.get());
    }

    @Test
    void aKeyIsDeliveredToItsSlaveOnceAndOnlyToIt() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 5_000);
        pair.awaitStored(100);
        final List<UUID> ids = pair.a().encKeys("SAE_A", List.of("SAE_B"), 2, 256).stream()
            .map(DeliveredKey::keyId).toList();
        assertKind(KeyDeliveryException.Kind.UNAUTHORIZED, () -> pair.b().decKeys("SAE_C", "SAE_A", ids));
        assertKind(KeyDeliveryException.Kind.UNAUTHORIZED, () -> pair.b().decKeys("SAE_X", "SAE_A", ids));
        assertKind(KeyDeliveryException.Kind.BAD_REQUEST, () -> pair.b().decKeys("SAE_B", "SAE_A",
            List.of(ids.getFirst(), UUID.randomUUID())));
        assertEquals(2, pair.b().decKeys("SAE_B", "SAE_A", ids).size());
        assertKind(KeyDeliveryException.Kind.BAD_REQUEST, () -> pair.b().decKeys("SAE_B", "SAE_A", ids));
        assertEquals(0, pair.stateB().reservedKeys());
    }

    @Test
    void additionalSlavesEachGetTheKeyOnce() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 5_000);
        pair.awaitStored(100);
        final List<DeliveredKey> sent = pair.a().encKeys("SAE_A", List.of("SAE_B", "SAE_C"), 1, 256);
        final List<UUID> ids = List.of(sent.getFirst().keyId());
        assertTrue(sent.getFirst().key().sameBytes(pair.b().decKeys("SAE_C", "SAE_A", ids).getFirst().key()));
        assertEquals(1, pair.stateB().reservedKeys());
        assertTrue(sent.getFirst().key().sameBytes(pair.b().decKeys("SAE_B", "SAE_A", ids).getFirst().key()));
        assertEquals(0, pair.stateB().reservedKeys());
    }

    @Test
    void pairsNoApplicationAllowsAreRefused() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 5_000);
        pair.awaitStored(100);
        assertKind(KeyDeliveryException.Kind.UNAUTHORIZED, () -> pair.a().encKeys("SAE_B", List.of("SAE_A"), 1, 256));
        assertKind(KeyDeliveryException.Kind.UNAUTHORIZED, () -> pair.a().encKeys("SAE_A", List.of("SAE_X"), 1, 256));
        assertKind(KeyDeliveryException.Kind.UNAUTHORIZED, () -> pair.a().status("SAE_A", "SAE_X"));
        pair.b().applyApplications(List.of(Planes.app(UUID.randomUUID(), "SAE_B", "SAE_OTHER")));
        final long before = pair.stateA().storedKeys();
        assertKind(KeyDeliveryException.Kind.UNAUTHORIZED, () -> pair.a().encKeys("SAE_A", List.of("SAE_B"), 1, 256));
        assertTrue(pair.stateA().storedKeys() <= before, "a refused reservation puts nothing back");
    }

    @Test
    void statusReportsTheBestLinkAndTheLimits() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 3_000);
        pair.awaitStored(3_000);
        final Status status = pair.a().status("SAE_A", "SAE_B");
        assertEquals("KME_" + pair.nodeA().name(), status.sourceKmeId());
        assertEquals(pair.nodeB().name(), status.targetKmeId());
        assertEquals(3_000, status.storedKeyCount());
        assertEquals(3_000, status.maxKeyCount());
        assertEquals(256, status.keySize());
        assertEquals(64, status.minKeySize());
        assertEquals(8192, status.maxKeySize());
        assertEquals(Etsi014Limits.MAX_KEYS_PER_REQUEST, status.maxKeyPerRequest());
        assertEquals(0, pair.stateA().skr(), "a full store produces nothing");
        assertEquals(Planes.FAST, pair.stateA().nominalSkr());
    }

    @Test
    void tooFewKeysIsUnavailableAndCounted() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(25_600), 100);
        pair.awaitCondition(LinkState.Condition.UP);
        assertKind(KeyDeliveryException.Kind.UNAVAILABLE, () -> pair.a().encKeys("SAE_A", List.of("SAE_B"), 1000,
            256));
        assertEquals(1, pair.stateA().refusals());
    }

    @Test
    void reservedKeysExpire() throws Exception {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 5_000, Duration.ofMillis(300));
        pair.awaitStored(100);
        final List<UUID> ids = pair.a().encKeys("SAE_A", List.of("SAE_B"), 5, 256).stream()
            .map(DeliveredKey::keyId).toList();
        assertEquals(5, pair.stateB().reservedKeys());
        Planes.await("expiry", () -> pair.stateB().reservedKeys() == 0);
        assertKind(KeyDeliveryException.Kind.BAD_REQUEST, () -> pair.b().decKeys("SAE_B", "SAE_A", ids));
    }

    static void assertKind(final KeyDeliveryException.Kind kind, final Call call) {
        final KeyDeliveryException e = assertThrows(KeyDeliveryException.class, call::run);
        assertEquals(kind, e.kind(), e.getMessage());
        assertNotNull(e.getMessage());
    }

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }
}
