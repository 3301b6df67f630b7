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
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * POST of a resource to its own absent path, as Ansible's {@code restconf_config} creates one: it creates the
 * resource (201 with its {@code Location}), once (then 409 data-exists), in both encodings.
 */
final class PostOfTargetTest {
    private static final Uuid APP = new Uuid("0b6b4a52-7d5f-4d2e-9c1e-5a1f3f1d9b01");

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory);
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 1"));
        assertEquals(201, gateway.edit("PUT", TestModels.nodePath(), TestModels.body(node, List.of(), Encoding.JSON),
            Encoding.JSON).statusCode());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void createsTheAbsentTargetOnceAndKeepsTheChildForm(final Encoding encoding) {
        final QkdApp app = TestModels.app(APP, 3, "urn:sdqkd:sae:b");
        final byte[] body = TestModels.body(TestModels.normalizedApp(app), List.of(QkdNode.QNAME,
            QkdApplications.QNAME), encoding);
        HttpResponse<String> answer = gateway.edit("POST", TestModels.appPath(APP), body, encoding);
        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElseThrow().endsWith(TestModels.appPath(APP)));
        answer = gateway.get(TestModels.appPath(APP), encoding);
        final NormalizedNode parsed = TestModels.parse(answer.body(), List.of(QkdNode.QNAME, QkdApplications.QNAME,
            QkdApp.QNAME), encoding);
        final NormalizedNode entry = parsed instanceof MapNode map ? map.body().iterator().next() : parsed;
        assertTrue(entry instanceof MapEntryNode, answer.body());
        assertEquals(TestModels.normalizedApp(app), entry);

        answer = gateway.edit("POST", TestModels.appPath(APP), body, encoding);
        assertEquals(409, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("data-exists"), answer.body());

        final HttpResponse<String> notItself = gateway.edit("POST", TestModels.appPath(new Uuid(
            "0b6b4a52-7d5f-4d2e-9c1e-5a1f3f1d9b02")), body, encoding);
        assertEquals(400, notItself.statusCode(), "an entry with other keys than the path's: " + notItself.body());
        assertEquals(404, gateway.get(TestModels.appPath(new Uuid("0b6b4a52-7d5f-4d2e-9c1e-5a1f3f1d9b02")), encoding)
            .statusCode());
    }
}
