package org.sdqkd.restconf.gateway.impl.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;

/**
 * The document of a test model with one node of each kind and each YANG type: what each constraint becomes in the
 * schemas, the paths and methods of each node, RPCs and actions, and the whole read by swagger-parser without a
 * validation message.
 */
final class OpenApiDocumentTest {
    private static final String TOP = "openapi-test.top";
    private static EffectiveModelContext context;
    private static JsonNode document;

    @BeforeAll
    static void build() throws Exception {
        context = ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow()
            .createParser(YangParserConfiguration.DEFAULT)
            .addSource(new URLYangTextSource(OpenApiDocumentTest.class.getResource("/openapi/openapi-test.yang")))
            .buildEffectiveModel();
        document = new ObjectMapper().readTree(OpenApiDocument.of(context));
    }

    @Test
    void theIndependentParserFindsNothingToSay() {
        final SwaggerParseResult result = new OpenAPIParser().readContents(new String(OpenApiDocument.of(context),
            java.nio.charset.StandardCharsets.UTF_8), null, new ParseOptions());
        assertEquals(List.of(), result.getMessages());
        assertSame(OpenApiDocument.of(context), OpenApiDocument.of(context), "built once per model context");
    }

    @Test
    void integerRangesBecomeMinimumAndMaximum() {
        assertEquals(0, leaf("percent").get("minimum").asInt());
        assertEquals(100, leaf("percent").get("maximum").asInt());
        assertEquals(50, leaf("percent").get("default").asInt(), "a number default");
        assertEquals("integer", leaf("counter").get("type").asText());
        assertEquals(4_294_967_295L, leaf("counter").get("maximum").asLong(), "the built-in range of uint32");
        final JsonNode port = leaf("port").get("anyOf");
        assertEquals(2, port.size(), "a range of two intervals");
        assertEquals(8000, port.get(1).get("minimum").asInt());
        assertEquals(9000, port.get(1).get("maximum").asInt());
    }

    @Test
    void sixtyFourBitNumbersAreStringsWithTheirRangeNamed() {
        assertEquals("string", leaf("big").get("type").asText(), "RFC 7951 section 6.1");
        assertEquals("^-?[0-9]+$", leaf("big").get("pattern").asText());
        assertEquals("-5..5000000000", leaf("big").get("x-yang-range").asText());
        assertTrue(leaf("ratio").get("pattern").asText().contains("{1,2}"), "two fraction digits");
    }

    @Test
    void stringsCarryLengthsAndPatternsInvertedOnesAsNot() {
        final JsonNode name = leaf("name");
        assertEquals(2, name.get("minLength").asInt());
        assertEquals(8, name.get("maxLength").asInt());
        assertEquals("^(?:[a-z]+)$", name.get("allOf").get(0).get("pattern").asText());
        assertEquals("^(?:x[^\\n\\r]*)$", name.get("allOf").get(1).get("not").get("pattern").asText());
        assertTrue(leaf("latin").get("pattern").asText().startsWith("^(?:[\\u0000-\\u007F]"), "a Unicode block");
        assertNull(leaf("xml-name").get("pattern"), "\\i and \\c have no ECMA 262 form");
        assertTrue(leaf("xml-name").get("description").asText().contains("not checked"));
    }

    @Test
    void enumsIdentitiesBitsEmptyUnionsAndLeafrefs() {
        assertEquals(List.of("red", "green"), texts(leaf("color").get("enum")));
        assertEquals(List.of("openapi-test:kind-a", "openapi-test:kind-b"), texts(leaf("kind").get("enum")),
            "every identity derived from the base, module-qualified");
        assertEquals("openapi-test:kind-a", leaf("kind").get("default").asText(), "the prefix became the module");
        assertTrue(leaf("enabled").get("default").asBoolean());
        assertTrue(leaf("flags").get("pattern").asText().contains("one|two"));
        assertEquals("null", leaf("marker").get("items").get("type").asText(), "empty is [null]");
        assertEquals(2, leaf("either").get("anyOf").size());
        assertEquals("string", leaf("name-ref").get("type").asText(), "the referred leaf's type");
        assertEquals(2, leaf("name-ref").get("minLength").asInt());
    }

    @Test
    void keysAndMandatoryNodesAreRequiredChoicesAreFlat() {
        final List<String> required = texts(schema(TOP).get("required"));
        assertTrue(required.contains("name"), "a mandatory leaf");
        assertTrue(required.contains("item"), "a list with min-elements");
        assertFalse(required.contains("tcp-port"), "mandatory only when its case is chosen");
        assertNotNull(schema(TOP).get("properties").get("udp-port"), "case members stand in the container");
        assertEquals(List.of("id", "group"), texts(schema(TOP + ".item").get("required")));
        final JsonNode items = schema(TOP).get("properties").get("item");
        assertEquals(1, items.get("minItems").asInt());
        assertEquals(4, items.get("maxItems").asInt());
        assertEquals(3, schema(TOP + ".item").get("properties").get("tag").get("maxItems").asInt());
        assertNull(schema(TOP + ".config").get("properties").get("counter"), "the request variant has no state");
        assertNotNull(schema(TOP).get("properties").get("counter"));
    }

    @Test
    void pathsFollowRfc8040WithTheMethodsEachNodeAllows() {
        final JsonNode paths = document.get("paths");
        final JsonNode top = paths.get("/data/openapi-test:top");
        assertEquals(List.of("get", "put", "patch", "delete", "post"), names(top));
        final JsonNode item = paths.get("/data/openapi-test:top/item={id},{group}");
        assertNotNull(item, "keys in the =k1,k2 form");
        assertEquals(List.of("id", "group"), texts(item.get("parameters"), "name"));
        assertEquals(List.of("get"), names(paths.get("/data/openapi-test:top/item={id},{group}/id")), "a key");
        assertEquals(List.of("get"), names(paths.get("/data/openapi-test:top/counter")), "state data");
        assertNotNull(paths.get("/data/openapi-test:top/item={id},{group}/tag={tag}"), "a leaf-list entry");
        assertNotNull(paths.get("/data/openapi-test:top/tcp-port"), "a case member, no choice or case named");
        final JsonNode action = paths.get("/data/openapi-test:top/item={id},{group}/openapi-test:reset");
        assertNotNull(action.get("post"), "an action under its list entry");
        final JsonNode rpc = paths.get("/operations/openapi-test:ping").get("post");
        assertEquals("#/components/schemas/openapi-test.ping.input",
            rpc.at("/requestBody/content/application~1yang-data+json/schema/properties/openapi-test:input/$ref")
                .asText());
        assertNotNull(rpc.get("responses").get("204"), "no output: 204");
        assertEquals("#/components/responses/errors", rpc.get("responses").get("default").get("$ref").asText());
        assertEquals("/restconf", document.at("/servers/0/url").asText());
    }

    private static JsonNode schema(final String name) {
        return document.get("components").get("schemas").get(name);
    }

    private static JsonNode leaf(final String name) {
        return schema(TOP + "." + name);
    }

    private static List<String> texts(final JsonNode array) {
        final List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static List<String> texts(final JsonNode array, final String member) {
        final List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.get(member).asText()));
        return texts;
    }

    private static List<String> names(final JsonNode object) {
        final List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!"parameters".equals(name)) {
                names.add(name);
            }
        });
        return names;
    }
}
