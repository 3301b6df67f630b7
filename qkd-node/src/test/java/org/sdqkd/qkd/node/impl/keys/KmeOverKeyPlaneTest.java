package org.sdqkd.qkd.node.impl.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.impl.kme.KmeServer;
import org.sdqkd.qkd.node.api.KmeSettings;
import org.sdqkd.qkd.node.testing.KmeClient;
import org.sdqkd.qkd.node.testing.KmeClientException;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.RateSource;

/**
 * The ETSI GS QKD 014 KMEs of two nodes over their real key planes, through HTTPS with mutual TLS: many SAE clients
 * at once in both directions, and the refusals an SAE meets for a key that is not its own.
 */
@Timeout(180)
class KmeOverKeyPlaneTest {
    private static final int CLIENTS = 50;
    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    private TestPki pki;
    private Planes planes;
    private Planes.Pair pair;
    private KmeServer kmeA;
    private KmeServer kmeB;
    private final Map<String, TlsIdentity> saes = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        pki = TestPki.create(dir, "Test CA");
        for (String id : List.of("SAE_A", "SAE_B", "SAE_C")) {
            saes.put(id, pki.sae(id));
        }
        planes = new Planes(pki);
        pair = planes.pair(new RateSource.Fixed(Planes.FAST), 200_000);
        kmeA = KmeServer.start(KmeSettings.of("127.0.0.1", 0, pair.nodeA().tls()), pair.a());
        kmeB = KmeServer.start(KmeSettings.of("127.0.0.1", 0, pair.nodeB().tls()), pair.b());
        pair.awaitStored(2_000);
    }

    @AfterEach
    void stop() {
        kmeA.close();
        kmeB.close();
        planes.close();
    }

    @Test
    void fiftyConcurrentSaeClientsNeverReceiveTheSameKeyTwice() throws Exception {
        final Map<UUID, String> keyIds = new ConcurrentHashMap<>();
        final Set<String> keyBytes = ConcurrentHashMap.newKeySet();
        final List<String> problems = new ArrayList<>();
        final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            final List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                // half the SAEs are masters at A, half at B: both ends take keys from the one link at once
                final boolean atA = c % 2 == 0;
                clients.add(pool.submit(() -> exchange(atA, keyIds, keyBytes, problems)));
            }
            int total = 0;
            for (Future<Integer> client : clients) {
                total += client.get();
            }
            synchronized (problems) {
                assertTrue(problems.isEmpty(), String.join("\n", problems));
            }
            assertEquals(total, keyIds.size(), "every key_ID once");
            assertEquals(total, keyBytes.size(), "every key's bytes once");
            assertTrue(total >= CLIENTS * ROUNDS, "keys exchanged: " + total);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One SAE client's rounds: enc_keys at its KME, dec_keys by the slave at the other; returns the keys it took. */
    private int exchange(final boolean atA, final Map<UUID, String> keyIds, final Set<String> keyBytes,
            final List<String> problems) throws Exception {
        final String master = atA ? "SAE_A" : "SAE_B";
        final String slave = atA ? "SAE_B" : "SAE_A";
        int taken = 0;
        try (KmeClient enc = KmeClient.connect(uri(atA ? kmeA : kmeB), sae(master));
             KmeClient dec = KmeClient.connect(uri(atA ? kmeB : kmeA), sae(slave))) {
            for (int round = 0; round < ROUNDS; round++) {
                final List<DeliveredKey> sent = enc.encKeys(slave, 1 + ThreadLocalRandom.current().nextInt(8), 256,
                    List.of());
                final List<DeliveredKey> got = dec.decKeys(master, sent.stream().map(DeliveredKey::keyId).toList());
                for (int i = 0; i < sent.size(); i++) {
                    final String hex = HexFormat.of().formatHex(sent.get(i).key().bytes());
                    if (keyIds.putIfAbsent(sent.get(i).keyId(), master) != null || !keyBytes.add(hex)) {
                        record(problems, "a key given twice: " + sent.get(i).keyId());
                    }
                    if (!sent.get(i).keyId().equals(got.get(i).keyId())
                            || !sent.get(i).key().sameBytes(got.get(i).key())) {
                        record(problems, "different keys at the two ends for " + sent.get(i).keyId());
                    }
                    sent.get(i).key().erase();
                    got.get(i).key().erase();
                }
                taken += sent.size();
            }
        }
        return taken;
    }

    @Test
    void aKeyMadeForAnotherSaeIsRefusedAndStaysItsOwnersOnce() throws Exception {
        final TestPki other = TestPki.create(dir.resolve("other"), "Other CA");
        try (KmeClient master = KmeClient.connect(uri(kmeA), sae("SAE_A"));
             KmeClient intruder = KmeClient.connect(uri(kmeB), sae("SAE_C"));
             KmeClient slave = KmeClient.connect(uri(kmeB), sae("SAE_B"));
             KmeClient foreign = KmeClient.connect(uri(kmeB), other.sae("SAE_B"))) {
            final DeliveredKey key = master.encKeys("SAE_B", 1, 256, List.of()).getFirst();
            final List<UUID> id = List.of(key.keyId());
            // SAE_C, allowed to share keys with SAE_A, asks for the key made for SAE_B
            final KmeClientException refused = assertThrows(KmeClientException.class,
                () -> intruder.decKeys("SAE_A", id));
            assertEquals(401, refused.status(), refused.body());
            assertFalse(refused.body().contains("\"key\""), refused.body());
            // a certificate of another CA naming SAE_B gets no key either
            assertThrows(Exception.class, () -> foreign.decKeys("SAE_A", id));
            // the key is still SAE_B's, once
            assertTrue(key.key().sameBytes(slave.decKeys("SAE_A", id).getFirst().key()));
            final KmeClientException again = assertThrows(KmeClientException.class, () -> slave.decKeys("SAE_A", id));
            assertEquals(400, again.status(), again.body());
        }
    }

    private static void record(final List<String> problems, final String problem) {
        synchronized (problems) {
            problems.add(problem);
        }
    }

    private static URI uri(final KmeServer kme) {
        return URI.create("https://127.0.0.1:" + kme.port());
    }

    private TlsIdentity sae(final String id) {
        return saes.get(id);
    }
}
