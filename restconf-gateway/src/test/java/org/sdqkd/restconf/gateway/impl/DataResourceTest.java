package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;

/** The methods on {@code {+restconf}/data} resources, over HTTP, in both encodings (RFC 8040 section 4). */
final class DataResourceTest {
    private static final Uuid APP_1 = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final Uuid APP_2 = new Uuid("2acf6c6a-6111-46c4-88cb-468c9326c37e");
    private static final List<QName> NONE = List.of();

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

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void putCreatesThenReplacesAndGetReturnsIt(final Encoding encoding) {
        final NormalizedNode first = TestModels.normalized(TestModels.QKD_NODE,
            TestModels.node("rack 1", TestModels.app(APP_1, 5, "urn:sdqkd:sae:a")));
        HttpResponse<String> answer = gateway.edit("PUT", TestModels.nodePath(), TestModels.body(first, NONE, encoding),
            encoding);
        assertEquals(201, answer.statusCode(), answer.body());
        answer = gateway.get(TestModels.nodePath(), encoding);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(encoding.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(first, TestModels.parse(answer.body(), List.of(QkdNode.QNAME), encoding));

        final NormalizedNode second = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 2"));
        answer = gateway.edit("PUT", TestModels.nodePath(), TestModels.body(second, NONE, encoding), encoding);
        assertEquals(204, answer.statusCode(), answer.body());
        answer = gateway.get(TestModels.nodePath(), encoding);
        assertEquals(second, TestModels.parse(answer.body(), List.of(QkdNode.QNAME), encoding));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void getOfListEntryReturnsTheEntry(final Encoding encoding) {
        putNode(encoding, TestModels.app(APP_1, 5), TestModels.app(APP_2, 7));
        final HttpResponse<String> answer = gateway.get(TestModels.appPath(APP_2), encoding);
        assertEquals(200, answer.statusCode(), answer.body());
        final NormalizedNode parsed = TestModels.parse(answer.body(), List.of(QkdNode.QNAME, QkdApplications.QNAME,
            QkdApp.QNAME), encoding);
        final NormalizedNode entry = parsed instanceof MapNode map ? map.body().iterator().next() : parsed;
        assertTrue(entry instanceof MapEntryNode, answer.body());
        assertEquals(TestModels.normalizedApp(TestModels.app(APP_2, 7)), entry);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void getOfAbsentResourceIs404(final Encoding encoding) {
        final HttpResponse<String> answer = gateway.get(TestModels.appPath(APP_1), encoding);
        assertEquals(404, answer.statusCode(), answer.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void postCreatesAListEntryAndRefusesItTwice(final Encoding encoding) {
        putNode(encoding, TestModels.app(APP_1, 5));
        final byte[] body = TestModels.body(TestModels.normalizedApp(TestModels.app(APP_2, 9)),
            List.of(QkdNode.QNAME, QkdApplications.QNAME), encoding);
        final String parent = TestModels.nodePath() + "/" + QkdApplications.QNAME.getLocalName();
        HttpResponse<String> answer = gateway.edit("POST", parent, body, encoding);
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals(gateway.data(TestModels.appPath(APP_2)).toString(),
            answer.headers().firstValue("Location").orElseThrow());
        assertEquals(200, gateway.get(TestModels.appPath(APP_2), encoding).statusCode());

        answer = gateway.edit("POST", parent, body, encoding);
        assertEquals(409, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("data-exists"), answer.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void postAtTheRootCreatesATopLevelNode(final Encoding encoding) {
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack"));
        final HttpResponse<String> answer = gateway.edit("POST", "", TestModels.body(node, NONE, encoding), encoding);
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals(gateway.data(TestModels.nodePath()).toString(),
            answer.headers().firstValue("Location").orElseThrow());
        assertEquals(node, TestModels.parse(gateway.get(TestModels.nodePath(), encoding).body(),
            List.of(QkdNode.QNAME), encoding));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void patchMergesIntoTheTarget(final Encoding encoding) {
        putNode(encoding, TestModels.app(APP_1, 5, "urn:sdqkd:sae:a"));
        final byte[] body = TestModels.body(TestModels.normalizedApp(TestModels.app(APP_1, 8, "urn:sdqkd:sae:b")),
            List.of(QkdNode.QNAME, QkdApplications.QNAME), encoding);
        final HttpResponse<String> answer = gateway.edit("PATCH", TestModels.appPath(APP_1), body, encoding);
        assertEquals(204, answer.statusCode(), answer.body());
        final NormalizedNode merged = entry(gateway.get(TestModels.appPath(APP_1), encoding));
        assertEquals(TestModels.normalizedApp(TestModels.app(APP_1, 8, "urn:sdqkd:sae:a", "urn:sdqkd:sae:b")),
            merged, "a merge keeps the leaf-list values that were there and adds the new one");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void patchOfAnAbsentResourceCreatesNothing(final Encoding encoding) {
        putNode(encoding);
        final byte[] body = TestModels.body(TestModels.normalizedApp(TestModels.app(APP_1, 8)),
            List.of(QkdNode.QNAME, QkdApplications.QNAME), encoding);
        final HttpResponse<String> answer = gateway.edit("PATCH", TestModels.appPath(APP_1), body, encoding);
        assertEquals(404, answer.statusCode(), answer.body());
        assertEquals(404, gateway.get(TestModels.appPath(APP_1), encoding).statusCode());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void deleteRemovesAndThenAnswersDataMissing(final Encoding encoding) {
        putNode(encoding, TestModels.app(APP_1, 5), TestModels.app(APP_2, 6));
        HttpResponse<String> answer = gateway.send("DELETE", gateway.data(TestModels.appPath(APP_1)), null,
            "Accept", encoding.mediaType());
        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(404, gateway.get(TestModels.appPath(APP_1), encoding).statusCode());
        assertEquals(200, gateway.get(TestModels.appPath(APP_2), encoding).statusCode());
        answer = gateway.send("DELETE", gateway.data(TestModels.appPath(APP_1)), null, "Accept", encoding.mediaType());
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("data-missing"), answer.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void headAnswersGetsHeadersWithoutBody(final Encoding encoding) {
        putNode(encoding, TestModels.app(APP_1, 5));
        final HttpResponse<String> get = gateway.get(TestModels.nodePath(), encoding);
        final HttpResponse<String> head = gateway.send("HEAD", gateway.data(TestModels.nodePath()), null, "Accept",
            encoding.mediaType());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
        assertEquals(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
            head.headers().firstValue("Content-Length").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void getOfTheRootHoldsTheTopLevelNodes(final Encoding encoding) {
        putNode(encoding, TestModels.app(APP_1, 5));
        final HttpResponse<String> answer = gateway.get("", encoding);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(encoding == Encoding.JSON ? "\"ietf-restconf:data\""
            : "<data xmlns=\"urn:ietf:params:xml:ns:yang:ietf-restconf\""), answer.body());
        assertTrue(answer.body().contains(APP_1.getValue()), answer.body());
    }

    @Test
    void optionsListsTheMethodsOfTheResource() {
        final HttpResponse<String> answer = gateway.send("OPTIONS", gateway.data(TestModels.nodePath()), null);
        assertEquals(200, answer.statusCode());
        assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", answer.headers().firstValue("Allow")
            .orElseThrow());
        assertTrue(answer.headers().firstValue("Accept-Patch").orElseThrow().contains("application/yang-data+xml"));
    }

    @Test
    void hostMetaPointsAtTheRoot() {
        final HttpResponse<String> answer = gateway.send("GET",
            java.net.URI.create(gateway.root().resolve("/.well-known/host-meta").toString()), null);
        assertEquals(200, answer.statusCode());
        assertEquals("application/xrd+xml", answer.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(answer.body().contains("<Link rel=\"restconf\" href=\"/restconf\""), answer.body());
    }

    @Test
    void percentEncodedKeysAndLeafListValuesAreDecoded() {
        putNode(Encoding.JSON, TestModels.app(APP_1, 5, "urn:sdqkd:sae:a/b,c=d"));
        final String encodedKey = APP_1.getValue().replace("-", "%2D");
        HttpResponse<String> answer = gateway.get(TestModels.nodePath() + "/" + QkdApplications.QNAME.getLocalName()
            + "/" + QkdApp.QNAME.getLocalName() + "=" + encodedKey, Encoding.JSON);
        assertEquals(200, answer.statusCode(), answer.body());
        answer = gateway.get(TestModels.appPath(APP_1) + "/client_app_id=urn%3Asdqkd%3Asae%3Aa%2Fb%2Cc%3Dd",
            Encoding.JSON);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("urn:sdqkd:sae:a/b,c=d"), answer.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anInvalidEditChangesNothing(final Encoding encoding) {
        putNode(encoding, TestModels.app(APP_1, 5));
        final String before = gateway.get(TestModels.nodePath(), encoding).body();
        // qkdn_id is mandatory: a qkd_node without it is refused whole by the datastore's validation
        final NormalizedNode invalid = TestModels.normalized(TestModels.QKD_NODE,
            new QkdNodeBuilder()
                .setQkdnLocationId("elsewhere").build());
        final HttpResponse<String> answer = gateway.edit("PUT", TestModels.nodePath(),
            TestModels.body(invalid, NONE, encoding), encoding);
        assertEquals(409, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("data-missing"), answer.body());
        assertTrue(answer.body().contains("qkdn_id"), answer.body());
        assertEquals(before, gateway.get(TestModels.nodePath(), encoding).body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void getMergesTheOperationalStateIntoTheConfiguration(final Encoding encoding) throws Exception {
        putNode(encoding, TestModels.app(APP_1, 5));
        final QkdNode state = new QkdNodeBuilder().setQkdnId(TestModels.NODE_ID)
            .setQkdnStatus(OPERATING.VALUE).build();
        try (DataTransaction tx = gateway.datastores().newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.merge(TestModels.path(TestModels.QKD_NODE), TestModels.normalized(TestModels.QKD_NODE, state));
            tx.commit();
        }
        final HttpResponse<String> node = gateway.get(TestModels.nodePath(), encoding);
        assertEquals(200, node.statusCode(), node.body());
        final QkdNode merged = TestModels.decodeNode(TestModels.parse(node.body(), List.of(QkdNode.QNAME), encoding));
        assertEquals(OPERATING.VALUE, merged.getQkdnStatus(), "state from operational");
        assertEquals("rack", merged.getQkdnLocationId(), "configuration from running");
        assertEquals(1, merged.getQkdApplications().nonnullQkdApp().size());
        assertEquals(200, gateway.get(TestModels.nodePath() + "/qkdn_status", encoding).statusCode());
    }

    private static NormalizedNode entry(final HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        final Encoding encoding = answer.headers().firstValue("Content-Type").orElseThrow().contains("json")
            ? Encoding.JSON : Encoding.XML;
        final NormalizedNode parsed = TestModels.parse(answer.body(), List.of(QkdNode.QNAME, QkdApplications.QNAME,
            QkdApp.QNAME), encoding);
        return parsed instanceof MapNode map ? map.body().iterator().next() : parsed;
    }

    private void putNode(final Encoding encoding, final QkdApp... apps) {
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack", apps));
        final HttpResponse<String> answer = gateway.edit("PUT", TestModels.nodePath(),
            TestModels.body(node, NONE, encoding), encoding);
        assertEquals(201, answer.statusCode(), answer.body());
    }
}
