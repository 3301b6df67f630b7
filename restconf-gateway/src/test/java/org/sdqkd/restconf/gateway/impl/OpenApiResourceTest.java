package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;

/**
 * The OpenAPI document and the explorer as served: the document read by an independent OpenAPI parser with no
 * validation message, and real answers of the gateway checked against its schemas by an independent JSON Schema
 * validator.
 */
final class OpenApiResourceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Uuid APP_1 = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final Uuid APP_2 = new Uuid("2acf6c6a-6111-46c4-88cb-468c9326c37e");

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theDocumentIsValidOpenApiForTheIndependentParser() {
        final HttpResponse<String> answer = gateway.send("GET", uri(OpenApiResource.DOCUMENT), null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        final ParseOptions options = new ParseOptions();
        options.setResolve(true);
        final SwaggerParseResult result = new OpenAPIParser().readContents(answer.body(), null, options);
        assertEquals(List.of(), result.getMessages(), "the parser's validation messages");
        final OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals("3.1.0", api.getOpenapi());
        final String node = "/data/" + TestModels.nodePath();
        final PathItem nodeItem = api.getPaths().get(node);
        assertNotNull(nodeItem.getGet());
        assertNotNull(nodeItem.getPut());
        assertNotNull(nodeItem.getPatch());
        assertNotNull(nodeItem.getDelete());
        assertNotNull(nodeItem.getPost());
        final PathItem app = api.getPaths().get(node + "/qkd_applications/qkd_app={app_id}");
        assertNotNull(app, "a list entry with its key as a path parameter");
        assertEquals("app_id", app.getParameters().get(0).getName());
        assertEquals("path", app.getParameters().get(0).getIn());
        final PathItem status = api.getPaths().get(node + "/qkdn_status");
        assertNotNull(status.getGet(), "state data is read");
        assertEquals(null, status.getPut(), "state data is not written");
        assertEquals(null, status.getDelete(), "state data is not deleted");
        assertEquals(null, api.getPaths().get(node + "/qkd_applications/qkd_app={app_id}/app_id").getPut(),
            "a key is not written on its own");
        assertNotNull(api.getPaths().get("/operations/ietf-netconf-monitoring:get-schema").getPost(), "an RPC");
        assertNotNull(api.getComponents().getSchemas().get("ietf-restconf.errors"));
    }

    @Test
    void theDocumentIsBuiltOnceAndAlsoServedAtTheServerRoot() {
        final HttpResponse<String> first = gateway.send("GET", uri(OpenApiResource.DOCUMENT), null);
        final HttpResponse<String> root = gateway.send("GET", uri(OpenApiResource.ROOT_DOCUMENT), null);
        assertEquals(200, root.statusCode());
        assertEquals(first.body(), root.body());
        try (GatewayHarness second = new GatewayHarness(directory.resolve("second"))) {
            assertEquals(first.body(), second.send("GET", URI.create(second.root() + "/openapi.json"), null).body());
        }
    }

    @Test
    void theDocumentIsGzippedForClientsThatTakeIt() throws Exception {
        final byte[] plain = gateway.send("GET", uri(OpenApiResource.DOCUMENT), null).body()
            .getBytes(StandardCharsets.UTF_8);
        final HttpClient client = HttpClient.newHttpClient();
        final HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(uri(OpenApiResource.DOCUMENT))
            .header("Accept-Encoding", "br;q=0.9, gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElseThrow());
        assertTrue(gzipped.body().length * 10 < plain.length, gzipped.body().length + " of " + plain.length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        final HttpResponse<byte[]> refused = client.send(HttpRequest.newBuilder(uri(OpenApiResource.DOCUMENT))
            .header("Accept-Encoding", "gzip;q=0").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(plain, refused.body());
    }

    @Test
    void theDocumentIsReadOnly() {
        final HttpResponse<String> post = gateway.send("POST", uri(OpenApiResource.DOCUMENT), "{}".getBytes(),
            "Content-Type", "application/json");
        assertEquals(405, post.statusCode(), post.body());
        assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("Allow").orElseThrow());
        assertTrue(post.body().contains("operation-not-supported"), post.body());
        final HttpResponse<String> options = gateway.send("OPTIONS", uri(OpenApiResource.DOCUMENT), null);
        assertEquals(200, options.statusCode());
        assertEquals("GET, HEAD, OPTIONS", options.headers().firstValue("Allow").orElseThrow());
        final HttpResponse<String> head = gateway.send("HEAD", uri(OpenApiResource.DOCUMENT), null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(405, gateway.send("DELETE", uri(OpenApiResource.EXPLORER + "/"), null).statusCode());
        assertEquals(400, gateway.send("GET", uri(OpenApiResource.DOCUMENT + "?depth=1"), null).statusCode(),
            "no query parameters, as on the other non-data resources");
    }

    @Test
    void aPopulatedNodeAnswersWhatItsResponseSchemaAccepts() throws Exception {
        putNode();
        final QkdNode state = new QkdNodeBuilder().setQkdnId(TestModels.NODE_ID).setQkdnStatus(OPERATING.VALUE)
            .build();
        try (DataTransaction tx = gateway.datastores().newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.merge(TestModels.path(TestModels.QKD_NODE), TestModels.normalized(TestModels.QKD_NODE, state));
            tx.commit();
        }
        final JsonNode document = document();
        final String node = "/data/" + TestModels.nodePath();
        final JsonNode answer = getJson(TestModels.nodePath());
        assertEquals(Set.of(), validate(document, node, "get", answer), answer.toString());
        assertEquals(Set.of(), validate(document, node + "/qkd_applications/qkd_app={app_id}", "get",
            getJson(TestModels.appPath(APP_1))));
        assertEquals(Set.of(), validate(document, node + "/qkdn_status", "get",
            getJson(TestModels.nodePath() + "/qkdn_status")));
        assertEquals(Set.of(), validate(document, "/data", "get", getJson("")));

        final ObjectNode wrongType = answer.deepCopy();
        final ObjectNode app = (ObjectNode) wrongType.get(TestModels.nodePath()).get("qkd_applications")
            .get("qkd_app").get(0);
        app.put("app_priority", "high");
        assertFalse(validate(document, node, "get", wrongType).isEmpty(), "a string where a uint32 belongs");
        final ObjectNode unknownIdentity = answer.deepCopy();
        ((ObjectNode) unknownIdentity.get(TestModels.nodePath())).put("qkdn_status", "etsi-qkd-node-types:NOPE");
        assertFalse(validate(document, node, "get", unknownIdentity).isEmpty(), "an identity that is not derived");
        final ObjectNode unknownMember = answer.deepCopy();
        ((ObjectNode) unknownMember.get(TestModels.nodePath())).put("no_such_leaf", 1);
        assertFalse(validate(document, node, "get", unknownMember).isEmpty(), "a member the model does not have");
        final ObjectNode noKey = answer.deepCopy();
        ((ObjectNode) noKey.get(TestModels.nodePath()).get("qkd_applications").get("qkd_app").get(0))
            .remove("app_id");
        assertFalse(validate(document, node, "get", noKey).isEmpty(), "a list entry without its key");
    }

    @Test
    void aRequestBodyOfStateDataIsRefusedByTheRequestSchema() throws Exception {
        final JsonNode document = document();
        final String node = "/data/" + TestModels.nodePath();
        final ObjectNode body = MAPPER.createObjectNode();
        body.putObject(TestModels.nodePath()).put("qkdn_id", TestModels.NODE_ID.getValue())
            .put("qkdn_location_id", "rack");
        assertEquals(Set.of(), validate(document, node, "put", body));
        ((ObjectNode) body.get(TestModels.nodePath())).put("qkdn_status", "etsi-qkd-node-types:OPERATING");
        assertFalse(validate(document, node, "put", body).isEmpty(), "config false data in a PUT body");
    }

    @Test
    void theExplorerIsServedFromTheJarAndLoadsOurDocument() {
        final HttpResponse<String> page = gateway.send("GET", uri(OpenApiResource.EXPLORER + "/"), null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("/restconf/explorer/swagger-ui-bundle.js"), page.body());
        assertEquals(page.body(), gateway.send("GET", uri(OpenApiResource.EXPLORER), null).body());
        final HttpResponse<String> initializer = gateway.send("GET",
            uri(OpenApiResource.EXPLORER + "/explorer-initializer.js"), null);
        assertTrue(initializer.body().contains("\"" + OpenApiResource.DOCUMENT + "\""), initializer.body());
        final HttpResponse<String> bundle = gateway.send("GET",
            uri(OpenApiResource.EXPLORER + "/swagger-ui-bundle.js"), null);
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(bundle.body().length() > 100_000);
        assertEquals(200, gateway.send("GET", uri(OpenApiResource.EXPLORER + "/swagger-ui.css"), null).statusCode());
        assertEquals(404, gateway.send("GET", uri(OpenApiResource.EXPLORER + "/swagger-initializer.js"), null)
            .statusCode(), "Swagger UI's own initializer (it loads an example document) is not served");
        assertEquals(404, gateway.send("GET", uri(OpenApiResource.EXPLORER + "/..%2Fopenapi.json"), null)
            .statusCode());
        assertEquals(404, gateway.send("GET", uri(OpenApiResource.EXPLORER + "/nothing.js"), null).statusCode());
    }

    private URI uri(final String path) {
        final URI root = gateway.root();
        return URI.create(root.getScheme() + "://" + root.getAuthority() + path);
    }

    private JsonNode document() throws Exception {
        return MAPPER.readTree(gateway.send("GET", uri(OpenApiResource.DOCUMENT), null).body());
    }

    private JsonNode getJson(final String apiPath) throws Exception {
        final HttpResponse<String> answer = gateway.get(apiPath, Encoding.JSON);
        assertEquals(200, answer.statusCode(), answer.body());
        return MAPPER.readTree(answer.body());
    }

    /** Validates a body against the JSON schema of an operation's 200 answer (GET) or request body (others). */
    static Set<ValidationMessage> validate(final JsonNode document, final String path, final String method,
            final JsonNode body) {
        final JsonNode operation = document.get("paths").get(path).get(method);
        final JsonNode media = resolve(document, "get".equals(method) ? operation.get("responses").get("200")
            : operation.get("requestBody")).get("content");
        final ObjectNode schema = media.get("application/yang-data+json").get("schema").deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", document.get("components"));
        final JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        return validator.validate(body);
    }

    /** A {@code $ref} to a component resolved, or the node itself. */
    private static JsonNode resolve(final JsonNode document, final JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private void putNode() {
        final var node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack",
            TestModels.app(APP_1, 5, "urn:sdqkd:sae:a", "urn:sdqkd:sae:b"), TestModels.app(APP_2, 7)));
        final HttpResponse<String> answer = gateway.edit("PUT", TestModels.nodePath(),
            TestModels.body(node, List.of(), Encoding.JSON), Encoding.JSON);
        assertEquals(201, answer.statusCode(), answer.body());
    }
}
