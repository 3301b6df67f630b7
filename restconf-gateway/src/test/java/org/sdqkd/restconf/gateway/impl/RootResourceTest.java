package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code {+restconf}} and {@code {+restconf}/yang-library-version} (RFC 8040 sections 3.3 and 3.3.3). */
final class RootResourceTest {
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
    void rootInJsonHoldsDataOperationsAndTheLibraryVersion() {
        final HttpResponse<String> answer = gateway.send("GET", gateway.root(), null, "Accept",
            Encoding.JSON.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(Encoding.JSON.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
        final JsonObject root = JsonParser.parseString(answer.body()).getAsJsonObject()
            .getAsJsonObject("ietf-restconf:restconf");
        assertTrue(root.getAsJsonObject("data").isEmpty(), answer.body());
        assertTrue(root.getAsJsonObject("operations").isEmpty(), answer.body());
        assertEquals("2019-01-04", root.get("yang-library-version").getAsString());
    }

    @Test
    void rootInXmlIsInTheRestconfNamespace() throws Exception {
        final HttpResponse<String> answer = gateway.send("GET", gateway.root(), null, "Accept",
            Encoding.XML.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        final Element root = xml(answer.body());
        assertEquals("restconf", root.getLocalName());
        assertEquals(RootResource.NAMESPACE, root.getNamespaceURI());
        assertEquals(1, root.getElementsByTagNameNS(RootResource.NAMESPACE, "data").getLength());
        assertEquals(1, root.getElementsByTagNameNS(RootResource.NAMESPACE, "operations").getLength());
        assertEquals("2019-01-04", root.getElementsByTagNameNS(RootResource.NAMESPACE, "yang-library-version")
            .item(0).getTextContent());
    }

    @Test
    void yangLibraryVersionInBothEncodings() throws Exception {
        final URI version = URI.create(gateway.root() + "/yang-library-version");
        HttpResponse<String> answer = gateway.send("GET", version, null, "Accept", Encoding.JSON.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("2019-01-04", JsonParser.parseString(answer.body()).getAsJsonObject()
            .get("ietf-restconf:yang-library-version").getAsString());
        answer = gateway.send("GET", version, null, "Accept", Encoding.XML.mediaType());
        final Element leaf = xml(answer.body());
        assertEquals(RootResource.NAMESPACE, leaf.getNamespaceURI());
        assertEquals("yang-library-version", leaf.getLocalName());
        assertEquals("2019-01-04", leaf.getTextContent());
    }

    @Test
    void rootIsReadOnly() {
        HttpResponse<String> answer = gateway.send("DELETE", gateway.root(), null);
        assertEquals(405, answer.statusCode(), answer.body());
        assertEquals("GET, HEAD, OPTIONS", answer.headers().firstValue("Allow").orElseThrow());
        assertTrue(answer.body().contains("operation-not-supported"), answer.body());
        answer = gateway.send("OPTIONS", gateway.root(), null);
        assertEquals(200, answer.statusCode());
        assertEquals("GET, HEAD, OPTIONS", answer.headers().firstValue("Allow").orElseThrow());
        answer = gateway.send("HEAD", gateway.root(), null);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().isEmpty());
    }

    static Element xml(final String text) throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    }
}
