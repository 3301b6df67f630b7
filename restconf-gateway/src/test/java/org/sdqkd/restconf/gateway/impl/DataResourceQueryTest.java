package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.w3c.dom.Element;

/** GET with the query parameters content, depth, fields and with-defaults (RFC 8040 section 4.8), and bad ones. */
final class DataResourceQueryTest {
    private static final Uuid APP_1 = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final Uuid APP_2 = new Uuid("2acf6c6a-6111-46c4-88cb-468c9326c37e");

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() throws DatastoreException {
        gateway = new GatewayHarness(directory);
        // APP_2's priority is 0, its default, set explicitly
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 1",
            TestModels.app(APP_1, 5, "urn:sdqkd:sae:a"), TestModels.app(APP_2, 0)));
        assertEquals(201, gateway.edit("PUT", TestModels.nodePath(), TestModels.body(node, List.of(), Encoding.JSON),
            Encoding.JSON).statusCode());
        try (DataTransaction tx = gateway.datastores().newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.merge(TestModels.path(TestModels.QKD_NODE), TestModels.normalized(TestModels.QKD_NODE,
                new QkdNodeBuilder().setQkdnId(TestModels.NODE_ID).setQkdnStatus(OPERATING.VALUE).build()));
            tx.commit();
        }
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void contentSelectsConfigurationOrState(final Encoding encoding) {
        final QkdNode config = node("content=config", encoding);
        assertEquals("rack 1", config.getQkdnLocationId());
        assertNull(config.getQkdnStatus());
        final QkdNode state = node("content=nonconfig", encoding);
        assertEquals(OPERATING.VALUE, state.getQkdnStatus());
        // the binding answers a leaf's default when it is absent, so absence is checked in the answer's text
        final String stateText = get("content=nonconfig", encoding).body();
        assertFalse(stateText.contains("qkdn_location_id"), stateText);
        assertFalse(stateText.contains("qkdn_id"), stateText);
        assertNull(state.getQkdApplications());
        final QkdNode all = node("content=all", encoding);
        assertEquals(OPERATING.VALUE, all.getQkdnStatus());
        assertEquals("rack 1", all.getQkdnLocationId());
        final String etag = gateway.get(TestModels.nodePath(), encoding).headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, get("content=config", encoding).headers().firstValue("ETag").orElseThrow(),
            "the entity-tag is the resource's, whatever part of it is answered");
    }

    @Test
    void contentNonconfigOfConfigurationOnlyDataIs404() {
        final HttpResponse<String> answer = gateway.send("GET", URI.create(gateway.data(TestModels.appPath(APP_1))
            + "?content=nonconfig"), null);
        assertEquals(404, answer.statusCode(), answer.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void depthCutsTheTreeKeepingListKeys(final Encoding encoding) throws Exception {
        final String one = get("depth=1", encoding).body();
        if (encoding == Encoding.JSON) {
            assertTrue(JsonParser.parseString(one).getAsJsonObject().getAsJsonObject(TestModels.nodePath()).isEmpty(),
                one);
        } else {
            final Element root = RootResourceTest.xml(one);
            assertEquals(QkdNode.QNAME.getLocalName(), root.getLocalName());
            assertEquals(0, root.getElementsByTagName("*").getLength(), one);
        }
        final QkdNode two = node("depth=2", encoding);
        assertEquals("rack 1", two.getQkdnLocationId());
        // an emptied container below the target is an empty element in XML; the JSON codec's writer leaves it out
        if (encoding == Encoding.XML) {
            assertNotNull(two.getQkdApplications());
        }
        assertNull(two.getQkdApplications() == null ? null : two.getQkdApplications().getQkdApp());
        final QkdNode three = node("depth=3", encoding);
        final QkdApp app = three.getQkdApplications().getQkdApp().get(new QkdAppKey(APP_1));
        assertEquals(APP_1, app.getAppId(), "keys are kept");
        assertNull(app.getServerAppId());
        assertEquals(Uint32.valueOf(5), node("depth=unbounded", encoding).getQkdApplications().getQkdApp()
            .get(new QkdAppKey(APP_1)).getAppPriority());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void fieldsSelectsDescendants(final Encoding encoding) {
        final QkdNode node = node("fields=qkdn_location_id;qkd_applications/qkd_app(app_priority)", encoding);
        assertEquals("rack 1", node.getQkdnLocationId());
        assertNull(node.getQkdnId());
        assertNull(node.getQkdnStatus());
        final QkdApp app = node.getQkdApplications().getQkdApp().get(new QkdAppKey(APP_1));
        assertEquals(Uint32.valueOf(5), app.getAppPriority());
        assertNull(app.getServerAppId());
        assertNull(app.getClientAppId());
        final QkdNode qualified = node("fields=" + TestModels.module() + ":qkdn_id", encoding);
        assertEquals(TestModels.NODE_ID, qualified.getQkdnId());
        final String text = get("fields=" + TestModels.module() + ":qkdn_id", encoding).body();
        assertFalse(text.contains("qkdn_location_id"), text);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void withDefaultsTrimsAndReportsAll(final Encoding encoding) {
        final QkdNode explicit = node("with-defaults=explicit", encoding);
        assertEquals(Uint32.ZERO, explicit.getQkdApplications().getQkdApp().get(new QkdAppKey(APP_2))
            .getAppPriority());
        assertNull(explicit.getQkdnCapabilities());
        final QkdNode trimmed = node("with-defaults=trim", encoding);
        assertEquals(Uint32.valueOf(5), trimmed.getQkdApplications().getQkdApp().get(new QkdAppKey(APP_1))
            .getAppPriority());
        // the binding answers a default for an absent leaf, so the answer's text is counted: one name per leaf in
        // JSON, two tags in XML
        final int perLeaf = encoding == Encoding.JSON ? 1 : 2;
        assertEquals(perLeaf, count(get("with-defaults=trim", encoding).body(), "app_priority"),
            "only APP_1's priority, which is not the default, is left");
        assertEquals(2 * perLeaf, count(get("with-defaults=explicit", encoding).body(), "app_priority"));
        final QkdNode all = node("with-defaults=report-all", encoding);
        assertNotNull(all.getQkdnCapabilities(), "an absent non-presence container with defaults is reported");
        assertEquals(Boolean.TRUE, all.getQkdnCapabilities().getLinkStatsSupport());
        assertEquals(perLeaf, count(get("with-defaults=report-all", encoding).body(), "link_stats_support"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"depth=0", "depth=65536", "depth=x", "content=some",
        "with-defaults=all", "fields=", "fields=a(b", "fields=no_such_node", "fields=nomodule:x", "insert=first",
        "filter=x", "unknown=1", "depth=1&depth=2"})
    void badParametersAre400InvalidValue(final String query) {
        final HttpResponse<String> answer = gateway.send("GET", URI.create(gateway.data(TestModels.nodePath()) + "?"
            + query), null);
        assertEquals(400, answer.statusCode(), query + ": " + answer.body());
        assertTrue(answer.body().contains("invalid-value"), answer.body());
    }

    @Test
    void readParametersOnAnEditAre400AndChangeNothing() {
        final NormalizedNode other = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 9"));
        final HttpResponse<String> answer = gateway.send("PUT", URI.create(gateway.data(TestModels.nodePath())
            + "?depth=1"), TestModels.body(other, List.of(), Encoding.JSON), "Content-Type",
            Encoding.JSON.mediaType());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("allowed with GET and HEAD only"), answer.body());
        assertEquals("rack 1", node("content=config", Encoding.JSON).getQkdnLocationId());
    }

    @Test
    void otherResourcesTakeNoParameters() {
        final HttpResponse<String> answer = gateway.send("GET", URI.create(gateway.root() + "?depth=1"), null);
        assertEquals(400, answer.statusCode(), answer.body());
    }

    private HttpResponse<String> get(final String query, final Encoding encoding) {
        final HttpResponse<String> answer = gateway.send("GET", URI.create(gateway.data(TestModels.nodePath()) + "?"
            + query), null, "Accept", encoding.mediaType());
        assertEquals(200, answer.statusCode(), query + ": " + answer.body());
        return answer;
    }

    private QkdNode node(final String query, final Encoding encoding) {
        return TestModels.decodeNode(TestModels.parse(get(query, encoding).body(), List.of(QkdNode.QNAME),
            encoding));
    }

    private static int count(final String text, final String name) {
        int count = 0;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            count++;
        }
        return count;
    }
}
