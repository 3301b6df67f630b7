package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

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

    private void putNode(final Encoding encoding, final QkdApp... apps) {
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack", apps));
        final HttpResponse<String> answer = gateway.edit("PUT", TestModels.nodePath(),
            TestModels.body(node, NONE, encoding), encoding);
        assertEquals(201, answer.statusCode(), answer.body());
    }
}
