package org.sdqkd.qkd.node.impl.kme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.keys.DeliveredKey;
import org.sdqkd.qkd.node.impl.keys.KeyStatus;

/** The ETSI GS QKD 014 response bodies, byte for byte. */
class KmeJsonTest {
    @Test
    void writesKeyContainers() {
        final UUID one = UUID.fromString("11111111-2222-3333-4444-555555555555");
        final UUID two = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        final DeliveredKey first = new DeliveredKey(one, KeyBytes.copyOf(new byte[] {(byte) 0xfb, (byte) 0xff}));
        final DeliveredKey second = new DeliveredKey(two, KeyBytes.copyOf(new byte[] {1, 2, 3}));
        assertEquals("{\"keys\":[{\"key_ID\":\"11111111-2222-3333-4444-555555555555\",\"key\":\"+/8=\"},"
            + "{\"key_ID\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\",\"key\":\"AQID\"}]}",
            new String(KmeJson.keys(List.of(first, second)), UTF_8));
        assertEquals("{\"keys\":[]}", new String(KmeJson.keys(List.of()), UTF_8));
        assertFalse(first.key().isErased());
    }

    @Test
    void writesStatusAndErrors() {
        assertEquals("{\"source_KME_ID\":\"A\",\"target_KME_ID\":\"B\",\"master_SAE_ID\":\"m\\\"\",\"slave_SAE_ID\":"
            + "\"s\",\"key_size\":256,\"stored_key_count\":5,\"max_key_count\":9,\"max_key_per_request\":16,"
            + "\"max_key_size\":8192,\"min_key_size\":64,\"max_SAE_ID_count\":2}",
            new String(KmeJson.status(new KeyStatus("A", "B", "m\"", "s", 256, 5, 9, 1, 8192, 64, 0), 16, 2), UTF_8));
        assertEquals("{\"message\":\"no\"}", new String(KmeJson.error("no", List.of()), UTF_8));
        assertEquals("{\"message\":\"bad\",\"details\":[{\"size\":\"7\"}]}",
            new String(KmeJson.error("bad", List.of(Map.of("size", "7"))), UTF_8));
    }
}
