package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.w3c.dom.Element;

/**
 * Bad requests answer the RFC 8040 section 7 error, in the encoding the client accepts, with the status of its
 * error-tag, and change nothing.
 */
final class RestconfHandlerTest {
    private static final Uuid APP_1 = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final Uuid APP_2 = new Uuid("2acf6c6a-6111-46c4-88cb-468c9326c37e");

    @TempDir
    Path directory;
    private GatewayHarness gateway;
    private String before;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory, 4096);
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE,
            TestModels.node("rack", TestModels.app(APP_1, 5)));
        assertEquals(201, gateway.edit("PUT", TestModels.nodePath(), TestModels.body(node, List.of(), Encoding.JSON),
            Encoding.JSON).statusCode());
        before = gateway.get("", Encoding.JSON).body();
    }

    @AfterEach
    void unchangedAndStop() {
        assertEquals(before, gateway.get("", Encoding.JSON).body(), "a refused request changed the data");
        gateway.close();
    }

    @Test
    void malformedJsonIsMalformedMessage() {
        final HttpResponse<String> answer = gateway.edit("PUT", TestModels.nodePath(),
            "{\"etsi-qkd-sdn-node:qkd_node\": {\"qkdn_id\": ".getBytes(StandardCharsets.UTF_8), Encoding.JSON);
        assertJsonError(answer, 400, "protocol", "malformed-message");
    }

    @Test
    void malformedXmlIsMalformedMessage() {
        final HttpResponse<String> answer = gateway.edit("PUT", TestModels.nodePath(),
            "<qkd_node xmlns=\"urn:etsi:qkd:yang:etsi-qkd-node\"><qkdn_id>".getBytes(StandardCharsets.UTF_8),
            Encoding.XML);
        final Element error = assertXmlError(answer, 400, "malformed-message");
        assertEquals("protocol", text(error, "error-type"));
    }

    @Test
    void xmlWithADoctypeIsRefused() {
        final String body = "<?xml version=\"1.0\"?><!DOCTYPE q [<!ENTITY e \"x\">]>"
            + "<qkd_node xmlns=\"urn:etsi:qkd:yang:etsi-qkd-node\"><qkdn_location_id>&e;</qkdn_location_id></qkd_node>";
        assertXmlError(gateway.edit("PATCH", TestModels.nodePath(), body.getBytes(StandardCharsets.UTF_8),
            Encoding.XML), 400, "malformed-message");
    }

    @Test
    void unknownJsonMemberIsUnknownElement() {
        final HttpResponse<String> answer = gateway.edit("PATCH", TestModels.nodePath(),
            "{\"etsi-qkd-sdn-node:qkd_node\": {\"no_such_leaf\": 1}}".getBytes(StandardCharsets.UTF_8),
            Encoding.JSON);
        assertJsonError(answer, 400, "application", "unknown-element");
    }

    @Test
    void unknownXmlElementIsUnknownElement() {
        final HttpResponse<String> answer = gateway.edit("PATCH", TestModels.nodePath(),
            "<qkd_node xmlns=\"urn:etsi:qkd:yang:etsi-qkd-node\"><no_such_leaf>1</no_such_leaf></qkd_node>"
                .getBytes(StandardCharsets.UTF_8), Encoding.XML);
        assertXmlError(answer, 400, "unknown-element");
    }

    @Test
    void aValueOutOfItsTypeIsInvalidValue() {
        final HttpResponse<String> answer = gateway.edit("PATCH", TestModels.nodePath(),
            "{\"etsi-qkd-sdn-node:qkd_node\": {\"qkdn_id\": \"not-a-uuid\"}}".getBytes(StandardCharsets.UTF_8),
            Encoding.JSON);
        assertJsonError(answer, 400, "application", "invalid-value");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aBodyForAnotherEntryThanThePathIsRefused(final Encoding encoding) {
        final byte[] body = TestModels.body(TestModels.normalizedApp(TestModels.app(APP_2, 1)),
            List.of(QkdNode.QNAME, QkdApplications.QNAME), encoding);
        final HttpResponse<String> answer = gateway.edit("PUT", TestModels.appPath(APP_1), body, encoding);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("invalid-value"), answer.body());
    }

    @Test
    void unknownModuleInThePathIsUnknownElement() {
        assertJsonError(gateway.get("no-such-module:qkd_node", Encoding.JSON), 400, "protocol", "unknown-element");
    }

    @Test
    void unknownNodeInThePathIsUnknownElement() {
        assertJsonError(gateway.get(TestModels.nodePath() + "/no_such_node", Encoding.JSON), 400, "protocol",
            "unknown-element");
    }

    @Test
    void anUnqualifiedFirstNodeIsRefused() {
        assertJsonError(gateway.get(QkdNode.QNAME.getLocalName(), Encoding.JSON), 400, "protocol", "invalid-value");
    }

    @Test
    void aKeyValueOutOfItsTypeIsInvalidValue() {
        assertJsonError(gateway.get(TestModels.nodePath() + "/qkd_applications/qkd_app=not-a-uuid", Encoding.JSON),
            400, "protocol", "invalid-value");
    }

    @Test
    void aListWithoutItsKeyIsRefused() {
        assertJsonError(gateway.get(TestModels.nodePath() + "/qkd_applications/qkd_app", Encoding.JSON), 400,
            "protocol", "invalid-value");
        assertJsonError(gateway.get(TestModels.appPath(APP_1) + "," + APP_2.getValue(), Encoding.JSON), 400,
            "protocol", "invalid-value");
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        final HttpResponse<String> answer = gateway.send("PUT", gateway.data(TestModels.nodePath()),
            "qkdn_id=1".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        assertJsonError(answer, 415, "protocol", "invalid-value");
    }

    @Test
    void anUnacceptableAcceptIs406() {
        final HttpResponse<String> answer = gateway.send("GET", gateway.data(TestModels.nodePath()), null, "Accept",
            "text/html");
        assertJsonError(answer, 406, "protocol", "invalid-value");
    }

    @Test
    void aBodyAboveTheLimitIs413BeforeItIsRead() {
        final byte[] big = new byte[10_000];
        java.util.Arrays.fill(big, (byte) ' ');
        assertJsonError(gateway.edit("PUT", TestModels.nodePath(), big, Encoding.JSON), 413, "protocol", "too-big");
        // without Content-Length (chunked), the limit holds while reading
        final HttpResponse<String> chunked = gateway.send("PUT", gateway.data(TestModels.nodePath()), null,
            "Content-Type", Encoding.JSON.mediaType());
        assertEquals(400, chunked.statusCode(), "an empty body is malformed");
        final java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                gateway.data(TestModels.nodePath()))
            .header("Content-Type", Encoding.JSON.mediaType())
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();
        try {
            final HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
            assertJsonError(answer, 413, "protocol", "too-big");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void stateDataCannotBeChanged() {
        final HttpResponse<String> answer = gateway.send("DELETE",
            gateway.data(TestModels.nodePath() + "/qkdn_status"), null);
        assertJsonError(answer, 405, "application", "operation-not-supported");
    }

    @Test
    void errorPathIsAnInstanceIdentifierOfEachEncoding() {
        final NormalizedNode invalid = TestModels.normalized(TestModels.QKD_NODE,
            new QkdNodeBuilder().setQkdnLocationId("nowhere").build());
        final HttpResponse<String> json = gateway.edit("PUT", TestModels.nodePath(),
            TestModels.body(invalid, List.of(), Encoding.JSON), Encoding.JSON);
        final JsonObject error = assertJsonError(json, 409, "application", "data-missing");
        assertEquals("/etsi-qkd-sdn-node:qkd_node/qkdn_id", error.get("error-path").getAsString());

        final HttpResponse<String> xml = gateway.edit("PUT", TestModels.nodePath(),
            TestModels.body(invalid, List.of(), Encoding.XML), Encoding.XML);
        final Element xmlError = assertXmlError(xml, 409, "data-missing");
        final Element path = (Element) xmlError.getElementsByTagNameNS(BodyWriter.RESTCONF_NS, "error-path").item(0);
        final String[] steps = path.getTextContent().substring(1).split("/");
        assertEquals(2, steps.length, path.getTextContent());
        for (String step : steps) {
            final String prefix = step.substring(0, step.indexOf(':'));
            assertEquals(QkdNode.QNAME.getNamespace().toString(), path.lookupNamespaceURI(prefix),
                "prefix " + prefix + " of " + path.getTextContent() + " is bound to the module's namespace");
        }
        assertTrue(steps[0].endsWith(":qkd_node") && steps[1].endsWith(":qkdn_id"), path.getTextContent());
    }

    private static JsonObject assertJsonError(final HttpResponse<String> answer, final int status, final String type,
            final String tag) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(Encoding.JSON.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
        final JsonObject errors = JsonParser.parseString(answer.body()).getAsJsonObject()
            .getAsJsonObject("ietf-restconf:errors");
        final JsonObject error = errors.getAsJsonArray("error").get(0).getAsJsonObject();
        assertEquals(type, error.get("error-type").getAsString(), answer.body());
        assertEquals(tag, error.get("error-tag").getAsString(), answer.body());
        assertTrue(error.has("error-message"), answer.body());
        return error;
    }

    private static Element assertXmlError(final HttpResponse<String> answer, final int status, final String tag) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(Encoding.XML.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
        try {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            final Element errors = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            assertEquals(BodyWriter.RESTCONF_NS, errors.getNamespaceURI());
            assertEquals("errors", errors.getLocalName());
            final Element error = (Element) errors.getElementsByTagNameNS(BodyWriter.RESTCONF_NS, "error").item(0);
            assertEquals(tag, text(error, "error-tag"), answer.body());
            return error;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException
                | java.io.IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static String text(final Element error, final String name) {
        return error.getElementsByTagNameNS(BodyWriter.RESTCONF_NS, name).item(0).getTextContent();
    }
}
