package org.sdqkd.etsi014;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sdqkd.etsi014.api.Etsi014Error;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.Status;

/** The JSON of every data format against the examples of ETSI GS QKD 014 V1.1.1 section 6, and bad input refused. */
class Etsi014JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Etsi014Limits LIMITS = new Etsi014Limits(16, 2);

    private static byte[] bytes(final String text) {
        return text.getBytes(UTF_8);
    }

    private static void assertSameJson(final String expected, final byte[] actual) throws Exception {
        assertEquals(MAPPER.readTree(expected), MAPPER.readTree(actual), new String(actual, UTF_8));
    }

    @Test
    void roundTripsTheStandardsStatusExample() throws Exception {
        final String example = """
            {"source_KME_ID": "EEEEFFFFGGGGHHHH", "target_KME_ID": "IIIIJJJJKKKKLLLL",
             "master_SAE_ID": "IIIIJJJJKKKKLLLL", "slave_SAE_ID": "MMMMNNNNOOOOPPPP", "key_size": 352,
             "stored_key_count": 25000, "max_key_count": 100000, "max_key_per_request": 128, "max_key_size": 1024,
             "min_key_size": 64, "max_SAE_ID_count": 0}""";
        final Status status = Etsi014Json.readStatus(bytes(example));
        assertEquals(Status.of("EEEEFFFFGGGGHHHH", "IIIIJJJJKKKKLLLL", "IIIIJJJJKKKKLLLL", "MMMMNNNNOOOOPPPP", 352,
            25000, 100000, 128, 1024, 64, 0), status);
        assertSameJson(example, Etsi014Json.write(status));
        assertEquals(status, Etsi014Json.readStatus(Etsi014Json.write(status)));
    }

    @Test
    void roundTripsTheStandardsKeyRequestExample() throws Exception {
        final String example = """
            {"number": 3, "size": 1024, "additional_slave_SAE_IDs": ["ABCDEFG", "HIJKLMN"],
             "extension_mandatory": [{"abc_route_type": "direct"}, {"abc_transfer_method": "qkd"}],
             "extension_optional": [{"abc_max_age": 30000}]}""";
        final KeyRequest request = Etsi014Json.readKeyRequest(bytes(example), Etsi014Limits.MAXIMA);
        assertEquals(Optional.of(3), request.number());
        assertEquals(List.of("ABCDEFG", "HIJKLMN"), request.additionalSlaves());
        assertEquals(Map.of("abc_route_type", "direct"), request.extensionMandatory().getFirst());
        assertEquals(Map.of("abc_max_age", 30000), request.extensionOptional().getFirst());
        assertSameJson(example, Etsi014Json.write(request));
        assertEquals("{\"number\":1,\"size\":256}", new String(Etsi014Json.write(KeyRequest.of(1, 256)), UTF_8));
        assertEquals("{}", new String(Etsi014Json.write(KeyRequest.defaults()), UTF_8));
    }

    @Test
    void roundTripsTheStandardsKeyIdsExample() throws Exception {
        final String example = """
            {"key_IDs": [{"key_ID": "bc490419-7d60-487f-adc1-4ddcc177c139"},
                         {"key_ID": "0a782fb5-3434-48fe-aa4d-14f41d46cf92", "key_ID_extension": {"a": [1, true]}}],
             "key_IDs_extension": {"b": null}}""";
        final KeyIds ids = Etsi014Json.readKeyIds(bytes(example), LIMITS);
        assertEquals(List.of(UUID.fromString("bc490419-7d60-487f-adc1-4ddcc177c139"),
            UUID.fromString("0a782fb5-3434-48fe-aa4d-14f41d46cf92")), ids.uuids());
        assertSameJson(example, Etsi014Json.write(ids));
    }

    @Test
    void roundTripsTheStandardsKeyContainerExampleWithoutShowingKeys() throws Exception {
        final String example = """
            {"keys": [{"key_ID": "bc490419-7d60-487f-adc1-4ddcc177c139",
                       "key": "wHHVxRwDJs3/bXd38GHP3oe4svTuRpZS0yCC7x4Ly+s="},
                      {"key_ID": "0a782fb5-3434-48fe-aa4d-14f41d46cf92", "key_ID_extension": {"x": 1},
                       "key": "OeGMPxh1+2RpJpNCYixWHFLYRubpOKCw94FcCI7VdJA=", "key_extension": {"y": "z"}}],
             "key_container_extension": {"n": 2}}""";
        final KeyContainer container = Etsi014Json.readKeyContainer(bytes(example));
        assertEquals(2, container.keys().size());
        assertEquals(32, container.keys().getFirst().length());
        assertEquals(Map.of("y", "z"), container.keys().get(1).keyExtension());
        assertFalse(container.toString().contains("wHHVxRwDJs3"), container.toString());
        final byte[] written = Etsi014Json.write(container);
        assertSameJson(example, written);
        final byte[] first = container.keys().getFirst().material();
        container.erase();
        assertArrayEquals(new byte[32], container.keys().getFirst().material());
        assertFalse(Arrays.equals(first, new byte[32]));
        assertEquals("{\"keys\":[]}", new String(Etsi014Json.write(KeyContainer.of(List.of())), UTF_8));
    }

    @Test
    void roundTripsErrorsAndLeavesOutEmptyDetails() throws Exception {
        final String example = """
            {"message": "key not found", "details": [{"message": "key_ID is unknown", "key_ID": "x"}]}""";
        final Etsi014Error error = Etsi014Json.readError(bytes(example));
        assertEquals("key not found", error.message());
        assertSameJson(example, Etsi014Json.write(error));
        assertEquals("{\"message\":\"no\"}", new String(Etsi014Json.write(Etsi014Error.of("no")), UTF_8));
    }

    @Test
    void refusesWrongTypesAndOutOfRangeNumbersNamingTheMember() {
        assertRefused("number must be an integer: \"2\"", Map.of("number", "\"2\""), "{\"number\":\"2\"}");
        assertRefused("number must be an integer: 1.5", Map.of("number", "1.5"), "{\"number\":1.5}");
        assertRefused("number must be an integer: 99999999999", Map.of("number", "99999999999"),
            "{\"number\":99999999999}");
        assertRefused("number must be from 1 to 16: 17", Map.of("number", "17"), "{\"number\":17}");
        assertRefused("size must be a multiple of 8 from 64 to 8192 bits: 12", Map.of("size", "12"), "{\"size\":12}");
        assertRefused("size must be a multiple of 8 from 64 to 8192 bits: 8200", Map.of("size", "8200"),
            "{\"size\":8200}");
        assertRefused("too many additional_slave_SAE_IDs: 3, at most 2", Map.of("additional_slave_SAE_IDs", "3"),
            "{\"additional_slave_SAE_IDs\":[\"a\",\"b\",\"c\"]}");
        assertRefused("extension_mandatory must be an array of objects", Map.of(), "{\"extension_mandatory\":{}}");
        assertRefused("the body must be a JSON object", Map.of(), "[1]");
        final Etsi014FormatException duplicate = assertThrows(Etsi014FormatException.class,
            () -> Etsi014Json.readKeyRequest(bytes("{\"number\":1,\"number\":2}"), LIMITS));
        assertTrue(duplicate.getMessage().startsWith("malformed JSON body: "), duplicate.getMessage());
        assertTrue(duplicate.getMessage().contains("Duplicate field 'number'"), duplicate.getMessage());
    }

    @Test
    void refusesTooManyKeysBadKeyIdsAndOversizeBodies() {
        final StringBuilder many = new StringBuilder("{\"key_IDs\":[");
        for (int i = 0; i < 17; i++) {
            many.append(i == 0 ? "" : ",").append("{\"key_ID\":\"").append(UUID.randomUUID()).append("\"}");
        }
        final Etsi014FormatException tooMany = assertThrows(Etsi014FormatException.class,
            () -> Etsi014Json.readKeyIds(bytes(many.append("]}").toString()), LIMITS));
        assertEquals("too many key_IDs: 17, at most 16", tooMany.getMessage());
        assertEquals(Map.of("key_IDs", "17"), tooMany.detail());
        assertEquals("key_ID is not a UUID: zz", assertThrows(Etsi014FormatException.class,
            () -> Etsi014Json.readKeyIds(bytes("{\"key_IDs\":[{\"key_ID\":\"zz\"}]}"), LIMITS)).getMessage());
        final UUID id = UUID.randomUUID();
        assertEquals("key_ID given twice: " + id, assertThrows(Etsi014FormatException.class,
            () -> Etsi014Json.readKeyIds(bytes("{\"key_IDs\":[{\"key_ID\":\"" + id + "\"},{\"key_ID\":\"" + id
                + "\"}]}"), LIMITS)).getMessage());
        final byte[] big = bytes("{\"extension_optional\":[{\"pad\":\"" + "x".repeat(Etsi014Limits.MAX_REQUEST_BODY)
            + "\"}]}");
        assertEquals("body larger than 65536 bytes", assertThrows(Etsi014FormatException.class,
            () -> Etsi014Json.readKeyRequest(big, LIMITS)).getMessage());
        assertEquals("keys[0]: the key has no key_ID or no key", assertThrows(Etsi014FormatException.class,
            () -> Etsi014Json.readKeyContainer(bytes("{\"keys\":[{\"key\":\"AQID\"}]}"))).getMessage());
        assertEquals("not a Key container: no keys array", assertThrows(Etsi014FormatException.class,
            () -> Etsi014Json.readKeyContainer(bytes("{}"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyRequest.of(Etsi014Limits.MAX_KEYS_PER_REQUEST + 1, 256));
        assertThrows(IllegalArgumentException.class, () -> new Etsi014Limits(Etsi014Limits.MAX_KEYS_PER_REQUEST + 1,
            0));
    }

    @Test
    void readsTheQueriesOfGetRequests() throws Exception {
        assertEquals(Map.of("number", "2", "size", "256", "flag", ""),
            Etsi014Query.parameters("number=2&&size=256&flag"));
        assertEquals(Map.of("key_ID", "a b+c"), Etsi014Query.parameters("key%5FID=a+b%2Bc"));
        assertEquals("query parameter given twice: size", assertThrows(Etsi014FormatException.class,
            () -> Etsi014Query.parameters("size=8&size=16")).getMessage());
        assertEquals(KeyRequest.of(3, 512), Etsi014Query.keyRequest(Map.of("number", "3", "size", "512"), LIMITS));
        assertEquals(KeyRequest.defaults(), Etsi014Query.keyRequest(Map.of(), LIMITS));
        final UUID id = UUID.randomUUID();
        assertEquals(List.of(id), Etsi014Query.keyIds(Map.of("key_ID", id.toString().toUpperCase())).uuids());
    }

    private static void assertRefused(final String message, final Map<String, String> detail, final String body) {
        final Etsi014FormatException e = assertThrows(Etsi014FormatException.class,
            () -> Etsi014Json.readKeyRequest(bytes(body), LIMITS));
        assertEquals(message, e.getMessage());
        assertEquals(detail, e.detail());
    }

    @Test
    void extensionsAreDeeplyImmutable() {
        final Status status = new Status("a", "b", "c", "d", 256, 0, 0, 1, 8192, 64, 0,
            Map.of("list", List.of(1, 2)));
        assertThrows(UnsupportedOperationException.class, () -> status.extension().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) status.extension().get("list")).clear());
    }
}
