package org.sdqkd.qkd.node.impl.kme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parameters of ETSI GS QKD 014 requests, without HTTP. */
class KmeRequestsTest {
    private final KmeRequests requests = new KmeRequests(16, 2);

    @Test
    void decodesQueries() throws KmeError {
        assertEquals(Map.of(), KmeRequests.query(null));
        assertEquals(Map.of("number", "2", "size", "256", "flag", ""), KmeRequests.query("number=2&&size=256&flag"));
        assertEquals(Map.of("key_ID", "a b+c"), KmeRequests.query("key%5FID=a+b%2Bc"));
        assertEquals(400, assertThrows(KmeError.class, () -> KmeRequests.query("size=%zz")).status());
        assertEquals("query parameter given twice: size",
            assertThrows(KmeError.class, () -> KmeRequests.query("size=8&size=16")).getMessage());
    }

    @Test
    void readsKeyRequests() throws KmeError {
        assertEquals(new KeyRequest(null, null, List.of()), requests.encKeys(Map.of()));
        assertEquals(new KeyRequest(3, 512, List.of()), requests.encKeys(Map.of("number", "3", "size", "512")));
        assertEquals(new KeyRequest(16, 8192, List.of("SAE_C", "SAE_D")), requests.encKeys(
            "{\"number\":16,\"size\":8192,\"additional_slave_SAE_IDs\":[\"SAE_C\",\"SAE_D\"],\"other\":true}"
                .getBytes(UTF_8)));
        assertEquals("number must be an integer: 99999999999", assertThrows(KmeError.class,
            () -> requests.encKeys(Map.of("number", "99999999999"))).getMessage());
        assertEquals("number must be an integer: 99999999999", assertThrows(KmeError.class,
            () -> requests.encKeys("{\"number\":99999999999}".getBytes(UTF_8))).getMessage());
        assertEquals("extension_mandatory must be an array of objects", assertThrows(KmeError.class,
            () -> requests.encKeys("{\"extension_mandatory\":{}}".getBytes(UTF_8))).getMessage());
    }

    @Test
    void readsKeyIds() throws KmeError {
        final UUID one = UUID.randomUUID();
        final UUID two = UUID.randomUUID();
        assertEquals(List.of(one), requests.decKeys(Map.of("key_ID", one.toString().toUpperCase())));
        assertEquals(List.of(two, one), requests.decKeys(("{\"key_IDs\":[{\"key_ID\":\"" + two
            + "\",\"key_ID_extension\":{}},{\"key_ID\":\"" + one + "\"}],\"key_IDs_extension\":{}}").getBytes(UTF_8)));
        assertEquals("each member of key_IDs must be an object with a key_ID string", assertThrows(KmeError.class,
            () -> requests.decKeys("{\"key_IDs\":[{\"key_ID\":7}]}".getBytes(UTF_8))).getMessage());
    }
}
