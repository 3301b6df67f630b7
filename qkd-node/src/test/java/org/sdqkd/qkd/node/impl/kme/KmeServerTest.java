package org.sdqkd.qkd.node.impl.kme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.MASTER;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.SLAVE;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.SLAVE2;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.STRANGER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.etsi014.api.Status;
import org.sdqkd.qkd.node.testing.InMemoryKeyDelivery;
import org.sdqkd.qkd.node.testing.KmeClient;
import org.sdqkd.qkd.node.testing.KmeClientException;

/** The ETSI GS QKD 014 API answering well-formed requests of SAEs with certificates. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KmeServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;

    private KmeFixture kme;

    @BeforeEach
    void start() {
        kme = new KmeFixture(directory);
    }

    @AfterEach
    void stop() {
        kme.close();
    }

    @Test
    void statusHasEveryEtsiMember() throws Exception {
        final KmeClient.Reply reply = kme.client(MASTER).exchange("GET", "/api/v1/keys/SAE_B/status", null);
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElseThrow());
        final JsonNode json = MAPPER.readTree(reply.body());
        assertEquals(Set.of("source_KME_ID", "target_KME_ID", "master_SAE_ID", "slave_SAE_ID", "key_size",
            "stored_key_count", "max_key_count", "max_key_per_request", "max_key_size", "min_key_size",
            "max_SAE_ID_count"), names(json));
        assertEquals(Status.of(InMemoryKeyDelivery.SOURCE_KME, InMemoryKeyDelivery.TARGET_KME, MASTER, SLAVE, 256,
            KmeFixture.UNITS, KmeFixture.UNITS, KmeFixture.MAX_KEYS, 8192, 64, KmeFixture.MAX_SAES),
            kme.client(MASTER).status(SLAVE));
    }

    @Test
    void encKeysPostGivesKeysThatEachSlaveGetsOnceByDecKeysPost() throws Exception {
        final List<DeliveredKey> keys = kme.client(MASTER).encKeys(SLAVE, 3, 512, List.of(SLAVE2));
        assertEquals(3, keys.size());
        assertEquals(3, new HashSet<>(keys.stream().map(DeliveredKey::keyId).toList()).size());
        keys.forEach(key -> assertEquals(64, key.key().length()));
        final List<UUID> ids = keys.stream().map(DeliveredKey::keyId).toList();
        final List<DeliveredKey> atSlave = kme.client(SLAVE).decKeys(MASTER, ids);
        final List<DeliveredKey> atSlave2 = kme.client(SLAVE2).decKeys(MASTER, ids);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(ids.get(i), atSlave.get(i).keyId());
            assertTrue(keys.get(i).key().sameBytes(atSlave.get(i).key()));
            assertTrue(keys.get(i).key().sameBytes(atSlave2.get(i).key()));
        }
        final KmeClientException again = assertThrows(KmeClientException.class,
            () -> kme.client(SLAVE).decKeys(MASTER, ids.subList(0, 1)));
        assertEquals(400, again.status());
        assertEquals(0, kme.delivery().reservedCount());
    }

    @Test
    void keyContainerHasOnlyKeyIdAndStandardBase64Key() throws Exception {
        final KmeClient.Reply reply = kme.client(MASTER).exchange("POST", "/api/v1/keys/SAE_B/enc_keys",
            "{\"number\":2,\"size\":264}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElseThrow());
        final JsonNode json = MAPPER.readTree(reply.body());
        assertEquals(Set.of("keys"), names(json));
        assertEquals(2, json.get("keys").size());
        for (JsonNode key : json.get("keys")) {
            assertEquals(Set.of("key_ID", "key"), names(key));
            assertEquals(key.get("key_ID").asText(), UUID.fromString(key.get("key_ID").asText()).toString());
            final String base64 = key.get("key").asText();
            assertEquals(33, Base64.getDecoder().decode(base64).length);
            assertTrue(base64.matches("[A-Za-z0-9+/]+=*"), base64);
        }
    }

    @Test
    void getFormsWork() throws Exception {
        final List<DeliveredKey> keys = kme.client(MASTER).encKeysGet(SLAVE, 2, 128);
        assertEquals(2, keys.size());
        for (DeliveredKey key : keys) {
            assertEquals(16, key.key().length());
            final List<DeliveredKey> got = kme.client(SLAVE).decKeysGet(MASTER, key.keyId());
            assertEquals(1, got.size());
            assertEquals(key.keyId(), got.getFirst().keyId());
            assertTrue(key.key().sameBytes(got.getFirst().key()));
        }
    }

    @Test
    void defaultsAreOneKeyOfTheStatusKeySize() throws Exception {
        for (KmeClient.Reply reply : List.of(
                kme.client(MASTER).exchange("GET", "/api/v1/keys/SAE_B/enc_keys", null),
                kme.client(MASTER).exchange("POST", "/api/v1/keys/SAE_B/enc_keys", "{}"),
                kme.client(MASTER).exchange("POST", "/api/v1/keys/SAE_B/enc_keys",
                    "{\"number\":null,\"additional_slave_SAE_IDs\":[],\"extension_mandatory\":[],"
                    + "\"extension_optional\":[{\"vendor_x\":{\"a\":1}}]}"))) {
            assertEquals(200, reply.status(), reply.body());
            final JsonNode keys = MAPPER.readTree(reply.body()).get("keys");
            assertEquals(1, keys.size());
            assertEquals(32, Base64.getDecoder().decode(keys.get(0).get("key").asText()).length);
        }
    }

    @Test
    void speaksHttp2AndHttp11() throws Exception {
        try (KmeClient h2 = KmeClient.connect(kme.uri(), kme.sae(MASTER).sslContext(), HttpClient.Version.HTTP_2)) {
            final KmeClient.Reply reply = h2.exchange("POST", "/api/v1/keys/SAE_B/enc_keys", "{\"number\":2}");
            assertEquals(HttpClient.Version.HTTP_2, reply.version());
            assertEquals(200, reply.status(), reply.body());
            final List<DeliveredKey> keys = h2.encKeys(SLAVE, 2, 256, List.of());
            final KmeClient h1 = kme.client(SLAVE);
            assertEquals(HttpClient.Version.HTTP_1_1, h1.exchange("GET", "/api/v1/keys/SAE_A/status", null).version());
            final List<DeliveredKey> got = h1.decKeys(MASTER, keys.stream().map(DeliveredKey::keyId).toList());
            assertTrue(keys.get(1).key().sameBytes(got.get(1).key()));
            assertEquals(405, h2.exchange("PUT", "/api/v1/keys/SAE_B/enc_keys", "{}").status());
        }
    }

    @Test
    void keysAreErasedOnceTheResponseIsWritten() throws Exception {
        kme.delivery().record();
        final List<DeliveredKey> keys = kme.client(MASTER).encKeys(SLAVE, 4, 256, List.of());
        kme.client(SLAVE).decKeys(MASTER, keys.stream().map(DeliveredKey::keyId).toList());
        final List<DeliveredKey> handedOut = kme.delivery().handedOut();
        assertEquals(8, handedOut.size());
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!handedOut.stream().allMatch(key -> key.key().isErased()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        handedOut.forEach(key -> assertTrue(key.key().isErased(), key.keyId().toString()));
        keys.forEach(key -> assertFalse(key.key().isErased()));
    }

    @Test
    void refusalsOfTheKeyPlaneArePassedThrough() throws Exception {
        final List<DeliveredKey> keys = kme.client(MASTER).encKeys(SLAVE, 1, 256, List.of());
        final UUID id = keys.getFirst().keyId();
        final KmeClientException wrongSlave = assertThrows(KmeClientException.class,
            () -> kme.client(SLAVE2).decKeys(MASTER, List.of(id)));
        assertEquals(401, wrongSlave.status());
        assertEquals("key_ID " + id + " is not for SAE SAE_C from master SAE_A", wrongSlave.errorMessage());
        assertEquals(List.of(Map.of("key_ID", id.toString())), wrongSlave.details());
        final KmeClientException stranger = assertThrows(KmeClientException.class,
            () -> kme.client(STRANGER).status(SLAVE));
        assertEquals(401, stranger.status());
        assertEquals("SAE SAE_X may not share keys with SAE SAE_B", stranger.errorMessage());
        final KmeClientException unknown = assertThrows(KmeClientException.class,
            () -> kme.client(SLAVE).decKeysGet(MASTER, UUID.randomUUID()));
        assertEquals(400, unknown.status());
        assertTrue(unknown.errorMessage().startsWith("unknown key_ID: "), unknown.errorMessage());
        kme.delivery().setAvailable(1);
        final KmeClientException empty = assertThrows(KmeClientException.class,
            () -> kme.client(MASTER).encKeys(SLAVE, 2, 256, List.of()));
        assertEquals(503, empty.status());
        assertEquals("not enough key material: 2 units needed, 1 stored", empty.errorMessage());
        assertEquals(List.of(Map.of("stored_units", "1")), empty.details());
        assertTrue(kme.client(SLAVE).decKeys(MASTER, List.of(id)).getFirst().key().sameBytes(keys.getFirst().key()));
    }

    @Test
    void sixteenConcurrentClientsGetWellFormedAnswers() throws Exception {
        final KmeClient master = kme.client(MASTER);
        final KmeClient slave = kme.client(SLAVE);
        final ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            final List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(threads.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 40; i++) {
                        final List<DeliveredKey> keys = master.encKeys(SLAVE, 2, 256, List.of());
                        final List<DeliveredKey> got = slave.decKeys(MASTER,
                            keys.stream().map(DeliveredKey::keyId).toList());
                        for (int k = 0; k < keys.size(); k++) {
                            assertEquals(keys.get(k).keyId(), got.get(k).keyId());
                            assertArrayEquals(keys.get(k).key().bytes(), got.get(k).key().bytes());
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(50, TimeUnit.SECONDS);
            }
            assertEquals(16 * 40 * 2, total);
            assertEquals(0, kme.delivery().reservedCount());
            assertNotEquals(KmeFixture.UNITS, kme.delivery().available());
        } finally {
            threads.shutdownNow();
        }
    }

    private static Set<String> names(final JsonNode json) {
        final Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
