package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The NETCONF event stream over Server-Sent Events (RFC 8040 section 6): configuration changes made through the
 * gateway and directly through the datastore arrive as {@code netconf-config-change} events in JSON and XML, read by
 * an SSE client on the JDK {@code HttpClient}.
 */
final class StreamResourceTest {
    private static final String NOTIFICATIONS = "ietf-netconf-notifications:netconf-config-change";
    private static final Uuid APP = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final Uuid OTHER_APP = new Uuid("2acf6c6a-6111-46c4-88cb-468c9326c37e");

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

    private URI stream(final Encoding encoding, final String query) {
        return URI.create(StreamResource.location(gateway.root().toString(), encoding)
            + (query.isEmpty() ? "" : "?" + query));
    }

    @Test
    void jsonStreamCarriesChangesThroughTheGatewayAndThroughTheDatastore() throws Exception {
        try (SseClient sse = SseClient.subscribe(stream(Encoding.JSON, ""))) {
            assertEquals(200, sse.status());
            assertTrue(sse.response().headers().firstValue("Content-Type").orElseThrow()
                .startsWith("text/event-stream"));
            final Instant before = Instant.now().minusSeconds(1);
            putNode();

            JsonObject notification = JsonParser.parseString(sse.nextEvent()).getAsJsonObject()
                .getAsJsonObject("ietf-restconf:notification");
            final Instant time = OffsetDateTime.parse(notification.get("eventTime").getAsString()).toInstant();
            assertFalse(time.isBefore(before), time.toString());
            JsonObject change = notification.getAsJsonObject(NOTIFICATIONS);
            assertEquals("running", change.get("datastore").getAsString());
            assertEquals("restconf", change.getAsJsonObject("changed-by").get("username").getAsString());
            JsonArray edits = change.getAsJsonArray("edit");
            assertEquals(1, edits.size(), change.toString());
            assertEquals("/" + TestModels.nodePath(), edits.get(0).getAsJsonObject().get("target").getAsString());
            assertEquals("create", edits.get(0).getAsJsonObject().get("operation").getAsString());

            // a commit by another writer (a NETCONF session, here straight through the datastore API)
            try (DataTransaction tx = gateway.datastores().newTransaction(DatastoreName.RUNNING,
                    new SessionId(42, "netconf-admin"))) {
                tx.delete(TestModels.path(TestModels.QKD_NODE));
                tx.commit();
            }
            notification = JsonParser.parseString(sse.nextEvent()).getAsJsonObject()
                .getAsJsonObject("ietf-restconf:notification");
            change = notification.getAsJsonObject(NOTIFICATIONS);
            assertEquals("netconf-admin", change.getAsJsonObject("changed-by").get("username").getAsString());
            assertEquals(42, change.getAsJsonObject("changed-by").get("session-id").getAsInt());
            edits = change.getAsJsonArray("edit");
            assertEquals("delete", edits.get(0).getAsJsonObject().get("operation").getAsString());
        }
    }

    @Test
    void xmlStreamCarriesTheNotificationInItsNamespaces() throws Exception {
        try (SseClient sse = SseClient.subscribe(stream(Encoding.XML, ""))) {
            assertEquals(200, sse.status());
            putNode();
            final String data = sse.nextEvent();
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
            final Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
            final Element root = document.getDocumentElement();
            assertEquals(NotificationWriter.NOTIFICATION_NS, root.getNamespaceURI());
            assertEquals("notification", root.getLocalName());
            assertEquals(1, root.getElementsByTagNameNS(NotificationWriter.NOTIFICATION_NS, "eventTime").getLength());
            final String ns = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
            final Element change = (Element) root.getElementsByTagNameNS(ns, "netconf-config-change").item(0);
            final Element target = (Element) change.getElementsByTagNameNS(ns, "target").item(0);
            // an instance-identifier in XML form: its prefix is bound on the element
            final String text = target.getTextContent();
            final String prefix = text.substring(1, text.indexOf(':'));
            assertEquals("urn:etsi:qkd:yang:etsi-qkd-node", target.lookupNamespaceURI(prefix));
            assertEquals("create", change.getElementsByTagNameNS(ns, "operation").item(0).getTextContent());
        }
    }

    @Test
    void everyChangedNodeIsAnEdit() throws Exception {
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE,
            TestModels.node("rack", TestModels.app(OTHER_APP, 1)));
        assertEquals(201, gateway.edit("PUT", TestModels.nodePath(), TestModels.body(node, List.of(), Encoding.JSON),
            Encoding.JSON).statusCode());
        try (SseClient sse = SseClient.subscribe(stream(Encoding.JSON, ""))) {
            final NormalizedNode app = TestModels.normalizedApp(TestModels.app(APP, 3));
            final HttpResponse<String> post = gateway.edit("POST", TestModels.nodePath() + "/qkd_applications",
                TestModels.body(app, List.of(QkdNode.QNAME, QkdApplications.QNAME), Encoding.JSON), Encoding.JSON);
            assertEquals(201, post.statusCode(), post.body());
            final JsonArray edits = JsonParser.parseString(sse.nextEvent()).getAsJsonObject()
                .getAsJsonObject("ietf-restconf:notification").getAsJsonObject(NOTIFICATIONS).getAsJsonArray("edit");
            assertEquals(1, edits.size(), edits.toString());
            final String target = edits.get(0).getAsJsonObject().get("target").getAsString();
            assertTrue(target.contains("qkd_app[app_id='" + APP.getValue() + "']"), target);
        }
    }

    @Test
    void aStreamAnswersOnlyEventStreamsAndKnownNames() {
        try (SseClient json = SseClient.open(stream(Encoding.JSON, ""), "application/yang-data+json")) {
            assertEquals(406, json.status());
            assertTrue(json.body().contains("text/event-stream"));
        }
        final HttpResponse<String> unknown = gateway.send("GET", URI.create(gateway.root() + "/streams/OTHER/json"),
            null, "Accept", "text/event-stream");
        assertEquals(404, unknown.statusCode(), unknown.body());
        final HttpResponse<String> post = gateway.send("POST", stream(Encoding.JSON, ""), new byte[0]);
        assertEquals(405, post.statusCode(), post.body());
        assertEquals(StreamResource.ALLOWED, post.headers().firstValue("Allow").orElseThrow());
        final HttpResponse<String> options = gateway.send("OPTIONS", stream(Encoding.XML, ""), null);
        assertEquals(200, options.statusCode());
        assertEquals(StreamResource.ALLOWED, options.headers().firstValue("Allow").orElseThrow());
    }

    private void putNode() {
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack"));
        final HttpResponse<String> put = gateway.edit("PUT", TestModels.nodePath(),
            TestModels.body(node, List.of(), Encoding.JSON), Encoding.JSON);
        assertEquals(201, put.statusCode(), put.body());
    }
}
