package org.sdqkd.qkd.node.impl.kme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.MASTER;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.SLAVE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.qkd.node.testing.KmeClient;

/** The KME's own refusals: each with its status, an ETSI Error body and no-store. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KmeErrorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENC = "/api/v1/keys/SAE_B/enc_keys";
    private static final String DEC = "/api/v1/keys/SAE_A/dec_keys";

    @TempDir
    Path directory;

    private KmeFixture kme;
    private KmeClient master;
    private KmeClient slave;

    @BeforeEach
    void start() {
        kme = new KmeFixture(directory);
        master = kme.client(MASTER);
        slave = kme.client(SLAVE);
    }

    @AfterEach
    void stop() {
        kme.close();
    }

    @Test
    void refusesMalformedJson() throws Exception {
        assertTrue(error(master, "POST", ENC, "{\"number\":", 400).get("message").asText()
            .startsWith("malformed JSON body: "));
        assertError(master, "POST", ENC, "[1]", 400, "the body must be a JSON object");
        assertError(master, "POST", ENC, "", 400, "the body must be a JSON object");
        assertTrue(error(master, "POST", ENC, "{\"number\":1,\"number\":2}", 400).get("message").asText()
            .contains("Duplicate field 'number'"));
        assertError(slave, "POST", DEC, "{}", 400, "key_IDs must be a non-empty array of {\"key_ID\": ...} objects");
        assertError(slave, "POST", DEC, "{\"key_IDs\":[]}", 400,
            "key_IDs must be a non-empty array of {\"key_ID\": ...} objects");
        assertError(slave, "POST", DEC, "{\"key_IDs\":[\"x\"]}", 400,
            "each member of key_IDs must be an object with a key_ID string");
    }

    @Test
    void refusesBadNumbers() throws Exception {
        assertDetail(error(master, "POST", ENC, "{\"number\":0}", 400), "number must be from 1 to 16: 0", "number",
            "0");
        assertDetail(error(master, "POST", ENC, "{\"number\":17}", 400), "number must be from 1 to 16: 17", "number",
            "17");
        assertDetail(error(master, "GET", ENC + "?number=17", null, 400), "number must be from 1 to 16: 17",
            "number", "17");
        assertDetail(error(master, "POST", ENC, "{\"number\":\"2\"}", 400), "number must be an integer: \"2\"",
            "number", "\"2\"");
        assertDetail(error(master, "POST", ENC, "{\"number\":1.5}", 400), "number must be an integer: 1.5",
            "number", "1.5");
        assertDetail(error(master, "GET", ENC + "?number=abc", null, 400), "number must be an integer: abc",
            "number", "abc");
        assertError(master, "GET", ENC + "?number=1&number=2", null, 400, "query parameter given twice: number");
    }

    @Test
    void refusesBadSizes() throws Exception {
        for (int size : new int[] {100, 56, 0, -8, 8200}) {
            assertDetail(error(master, "POST", ENC, "{\"size\":" + size + "}", 400),
                "size must be a multiple of 8 from 64 to 8192 bits: " + size, "size", Integer.toString(size));
        }
        assertDetail(error(master, "GET", ENC + "?size=12", null, 400),
            "size must be a multiple of 8 from 64 to 8192 bits: 12", "size", "12");
        assertEquals(200, master.exchange("GET", ENC + "?size=8192", null).status());
        assertEquals(200, master.exchange("GET", ENC + "?size=64", null).status());
    }

    @Test
    void refusesBadKeyIds() throws Exception {
        assertDetail(error(slave, "GET", DEC + "?key_ID=not-a-uuid", null, 400), "key_ID is not a UUID: not-a-uuid",
            "key_ID", "not-a-uuid");
        assertDetail(error(slave, "GET", DEC + "?key_ID=1-1-1-1-1", null, 400), "key_ID is not a UUID: 1-1-1-1-1",
            "key_ID", "1-1-1-1-1");
        assertDetail(error(slave, "POST", DEC, "{\"key_IDs\":[{\"key_ID\":\"zz\"}]}", 400),
            "key_ID is not a UUID: zz", "key_ID", "zz");
        assertError(slave, "GET", DEC, null, 400, "the query parameter key_ID is required");
        final String id = UUID.randomUUID().toString();
        assertDetail(error(slave, "POST", DEC, "{\"key_IDs\":[{\"key_ID\":\"" + id + "\"},{\"key_ID\":\"" + id
            + "\"}]}", 400), "key_ID given twice: " + id, "key_ID", id);
        final StringBuilder many = new StringBuilder("{\"key_IDs\":[");
        for (int i = 0; i < 17; i++) {
            many.append(i == 0 ? "" : ",").append("{\"key_ID\":\"").append(UUID.randomUUID()).append("\"}");
        }
        assertDetail(error(slave, "POST", DEC, many.append("]}").toString(), 400), "too many key_IDs: 17, at most 16",
            "key_IDs", "17");
    }

    @Test
    void refusesBadAdditionalSlaves() throws Exception {
        assertDetail(error(master, "POST", ENC, "{\"additional_slave_SAE_IDs\":[\"SAE_C\",\"SAE_D\",\"SAE_E\"]}", 400),
            "too many additional_slave_SAE_IDs: 3, at most 2", "additional_slave_SAE_IDs", "3");
        assertDetail(error(master, "POST", ENC, "{\"additional_slave_SAE_IDs\":[\"SAE_B\"]}", 400),
            "slave SAE named twice: SAE_B", "additional_slave_SAE_IDs", "SAE_B");
        assertError(master, "POST", ENC, "{\"additional_slave_SAE_IDs\":\"SAE_C\"}", 400,
            "additional_slave_SAE_IDs must be an array of SAE IDs");
        assertError(master, "POST", ENC, "{\"additional_slave_SAE_IDs\":[\"\"]}", 400,
            "additional_slave_SAE_IDs must hold non-empty strings");
        assertError(master, "POST", ENC, "{\"additional_slave_SAE_IDs\":[\"SAE_X\"]}", 401,
            "SAE SAE_A may not share keys with SAE SAE_X");
    }

    @Test
    void refusesUnsupportedMandatoryExtensionsNamingThem() throws Exception {
        final JsonNode error = error(master, "POST", ENC,
            "{\"extension_mandatory\":[{\"abc_route_type\":\"direct\"},{\"abc_transfer_method\":\"qkd\"}]}", 400);
        assertEquals("unsupported extension_mandatory members", error.get("message").asText());
        assertEquals(MAPPER.readTree("[{\"extension_mandatory\":\"abc_route_type\",\"message\":\"not supported\"},"
            + "{\"extension_mandatory\":\"abc_transfer_method\",\"message\":\"not supported\"}]"),
            error.get("details"));
    }

    @Test
    void answersUnknownPathsAndWrongMethodsWithErrors() throws Exception {
        assertError(master, "GET", "/api/v1/keys/SAE_B/keys", null, 404,
            "no such resource: /api/v1/keys/SAE_B/keys");
        assertError(master, "GET", "/", null, 404, "no such resource: /");
        assertError(master, "GET", "/api/v1/keys//status", null, 400, "Ambiguous URI empty segment");
        assertError(master, "GET", "/api/v1/keys/a/b/status", null, 404,
            "no such resource: /api/v1/keys/a/b/status");
        assertError(master, "POST", "/api/v1/keys/SAE_B/status", "{}", 405,
            "method POST not allowed on /api/v1/keys/SAE_B/status");
        assertEquals("GET", master.exchange("POST", "/api/v1/keys/SAE_B/status", "{}").headers()
            .firstValue("Allow").orElseThrow());
        assertError(master, "PUT", ENC, "{}", 405, "method PUT not allowed on " + ENC);
        assertEquals("GET, POST", master.exchange("DELETE", ENC, null).headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void refusesBodiesOver64KiB() throws Exception {
        final String big = "{\"extension_optional\":[{\"pad\":\"" + "x".repeat(Etsi014Limits.MAX_REQUEST_BODY)
            + "\"}]}";
        assertError(master, "POST", ENC, big, 413, "request body larger than 65536 bytes");
        final String fits = "{\"extension_optional\":[{\"pad\":\""
            + "x".repeat(Etsi014Limits.MAX_REQUEST_BODY - 100) + "\"}]}";
        assertEquals(200, master.exchange("POST", ENC, fits).status());
    }

    private static void assertError(final KmeClient client, final String method, final String path,
            final String body, final int status, final String message) throws Exception {
        assertEquals(message, error(client, method, path, body, status).get("message").asText());
    }

    private static void assertDetail(final JsonNode error, final String message, final String member,
            final String value) {
        assertEquals(message, error.get("message").asText());
        assertEquals(1, error.get("details").size(), error.toString());
        assertEquals(value, error.get("details").get(0).get(member).asText(), error.toString());
    }

    private static JsonNode error(final KmeClient client, final String method, final String path, final String body,
            final int status) throws Exception {
        final KmeClient.Reply reply = client.exchange(method, path, body);
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/json", reply.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElseThrow());
        final JsonNode json = MAPPER.readTree(reply.body());
        assertTrue(json.get("message").isTextual(), reply.body());
        return json;
    }
}
