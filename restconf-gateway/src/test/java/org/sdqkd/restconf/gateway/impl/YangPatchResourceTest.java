package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.w3c.dom.Element;

/** YANG Patch (RFC 8072) on a data resource, in both encodings: one transaction, per-edit errors. */
final class YangPatchResourceTest {
    private static final Uuid APP_1 = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final Uuid APP_2 = new Uuid("2acf6c6a-6111-46c4-88cb-468c9326c37e");

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    /** One edit: id, operation, target, and the value's data (or null). */
    private record Edit(String id, String operation, String target, NormalizedNode value, List<?> parents) {
    }

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory);
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 1",
            TestModels.app(APP_1, 5)));
        assertEquals(201, gateway.edit("PUT", TestModels.nodePath(), TestModels.body(node, List.of(), Encoding.JSON),
            Encoding.JSON).statusCode());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void editsAreAppliedInOrderInOneTransaction(final Encoding encoding) throws Exception {
        final HttpResponse<String> answer = patch(encoding, "p1",
            new Edit("e1", "create", appTarget(APP_2), TestModels.normalizedApp(TestModels.app(APP_2, 3)), APPS),
            new Edit("e2", "merge", "/", TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 7")),
                List.of()),
            new Edit("e3", "remove", appTarget(new Uuid("00000000-0000-4000-8000-000000000000")), null, APPS));
        assertEquals(200, answer.statusCode(), answer.body());
        assertStatus(answer.body(), encoding, "p1", null, null);
        final QkdNode node = node();
        assertEquals("rack 7", node.getQkdnLocationId());
        assertEquals(Uint32.valueOf(3), node.getQkdApplications().getQkdApp().get(new QkdAppKey(APP_2))
            .getAppPriority());
        assertEquals(Uint32.valueOf(5), node.getQkdApplications().getQkdApp().get(new QkdAppKey(APP_1))
            .getAppPriority());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aFailedEditReportsItsErrorsAndNothingIsApplied(final Encoding encoding) throws Exception {
        final HttpResponse<String> answer = patch(encoding, "p2",
            new Edit("e1", "merge", "/", TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 7")),
                List.of()),
            new Edit("e2", "create", appTarget(APP_1), TestModels.normalizedApp(TestModels.app(APP_1, 9)), APPS));
        assertEquals(409, answer.statusCode(), answer.body());
        assertStatus(answer.body(), encoding, "p2", "e2", "data-exists");
        assertEquals("rack 1", node().getQkdnLocationId(), "the first edit is not applied either");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void deleteOfAbsentDataIsDataMissing(final Encoding encoding) throws Exception {
        final HttpResponse<String> answer = patch(encoding, "p3",
            new Edit("e1", "delete", appTarget(APP_1), null, APPS),
            new Edit("e2", "delete", appTarget(APP_2), null, APPS));
        assertEquals(404, answer.statusCode(), answer.body());
        assertStatus(answer.body(), encoding, "p3", "e2", "data-missing");
        assertTrue(node().getQkdApplications().getQkdApp().containsKey(new QkdAppKey(APP_1)));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void insertIntoAnUnorderedListAndABadTargetAreInvalid(final Encoding encoding) throws Exception {
        HttpResponse<String> answer = patch(encoding, "p4",
            new Edit("e1", "insert", appTarget(APP_2), TestModels.normalizedApp(TestModels.app(APP_2, 3)), APPS));
        assertEquals(400, answer.statusCode(), answer.body());
        assertStatus(answer.body(), encoding, "p4", "e1", "invalid-value");
        answer = patch(encoding, "p5", new Edit("e9", "remove", "/no_such_node", null, List.of()));
        assertEquals(400, answer.statusCode(), answer.body());
        assertStatus(answer.body(), encoding, "p5", "e9", "unknown-element");
    }

    @Test
    void aBodyThatIsNoYangPatchIsRefused() {
        HttpResponse<String> answer = send("{\"ietf-yang-patch:yang-patch\": [", Encoding.JSON);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("malformed-message"), answer.body());
        answer = send("{\"ietf-yang-patch:yang-patch\": {\"patch-id\": \"x\", \"colour\": \"red\"}}", Encoding.JSON);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("unknown-element"), answer.body());
        answer = send("<yang-patch xmlns=\"urn:example:other\"><patch-id>x</patch-id></yang-patch>", Encoding.XML);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("unknown-namespace"), answer.body());
    }

    @Test
    void optionsAnnouncesYangPatch() {
        final HttpResponse<String> answer = gateway.send("OPTIONS", gateway.data(TestModels.nodePath()), null);
        assertTrue(answer.headers().firstValue("Accept-Patch").orElseThrow().contains(YangPatchResource.XML_TYPE));
    }

    private static final List<?> APPS = List.of(QkdNode.QNAME, QkdApplications.QNAME);

    private static String appTarget(final Uuid app) {
        return "/qkd_applications/qkd_app=" + app.getValue();
    }

    private QkdNode node() {
        return TestModels.decodeNode(TestModels.parse(gateway.get(TestModels.nodePath(), Encoding.JSON).body(),
            List.of(QkdNode.QNAME), Encoding.JSON));
    }

    @SuppressWarnings("unchecked")
    private static String value(final Edit edit, final Encoding encoding) {
        final String text = new String(TestModels.body(edit.value(),
            (List<org.opendaylight.yangtools.yang.common.QName>) edit.parents(), encoding), StandardCharsets.UTF_8);
        return text.replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    private HttpResponse<String> patch(final Encoding encoding, final String patchId, final Edit... edits) {
        final String body;
        if (encoding == Encoding.JSON) {
            final JsonArray array = new JsonArray();
            for (Edit edit : edits) {
                final JsonObject object = new JsonObject();
                object.addProperty("edit-id", edit.id());
                object.addProperty("operation", edit.operation());
                object.addProperty("target", edit.target());
                if (edit.value() != null) {
                    object.add("value", JsonParser.parseString(value(edit, encoding)));
                }
                array.add(object);
            }
            final JsonObject patch = new JsonObject();
            patch.addProperty("patch-id", patchId);
            patch.add("edit", array);
            final JsonObject root = new JsonObject();
            root.add("ietf-yang-patch:yang-patch", patch);
            body = root.toString();
        } else {
            final StringBuilder xml = new StringBuilder("<yang-patch xmlns=\"" + YangPatchReader.NAMESPACE
                + "\"><patch-id>" + patchId + "</patch-id>");
            for (Edit edit : edits) {
                xml.append("<edit><edit-id>").append(edit.id()).append("</edit-id><operation>")
                    .append(edit.operation()).append("</operation><target>").append(edit.target())
                    .append("</target>");
                if (edit.value() != null) {
                    xml.append("<value>").append(value(edit, encoding)).append("</value>");
                }
                xml.append("</edit>");
            }
            body = xml.append("</yang-patch>").toString();
        }
        return send(body, encoding);
    }

    private HttpResponse<String> send(final String body, final Encoding encoding) {
        return gateway.send("PATCH", URI.create(gateway.data(TestModels.nodePath()).toString()),
            body.getBytes(StandardCharsets.UTF_8), "Content-Type", encoding == Encoding.JSON
                ? YangPatchResource.JSON_TYPE : YangPatchResource.XML_TYPE, "Accept", encoding.mediaType());
    }

    /** Checks a yang-patch-status: ok when editId is null, else the edit's first error-tag. */
    private static void assertStatus(final String body, final Encoding encoding, final String patchId,
            final String editId, final String errorTag) throws Exception {
        if (encoding == Encoding.JSON) {
            final JsonObject status = JsonParser.parseString(body).getAsJsonObject()
                .getAsJsonObject("ietf-yang-patch:yang-patch-status");
            assertEquals(patchId, status.get("patch-id").getAsString());
            if (editId == null) {
                assertTrue(status.getAsJsonArray("ok").get(0).isJsonNull(), body);
                assertNull(status.get("edit-status"), body);
                return;
            }
            final JsonObject edit = status.getAsJsonObject("edit-status").getAsJsonArray("edit").get(0)
                .getAsJsonObject();
            assertEquals(editId, edit.get("edit-id").getAsString());
            assertEquals(errorTag, edit.getAsJsonObject("errors").getAsJsonArray("error").get(0).getAsJsonObject()
                .get("error-tag").getAsString());
        } else {
            final Element status = RootResourceTest.xml(body);
            final String ns = YangPatchReader.NAMESPACE;
            assertEquals("yang-patch-status", status.getLocalName());
            assertEquals(ns, status.getNamespaceURI());
            assertEquals(patchId, status.getElementsByTagNameNS(ns, "patch-id").item(0).getTextContent());
            if (editId == null) {
                assertEquals(1, status.getElementsByTagNameNS(ns, "ok").getLength(), body);
                return;
            }
            final Element edit = (Element) status.getElementsByTagNameNS(ns, "edit").item(0);
            assertEquals(editId, edit.getElementsByTagNameNS(ns, "edit-id").item(0).getTextContent());
            assertEquals(errorTag, edit.getElementsByTagNameNS(ns, "error-tag").item(0).getTextContent());
        }
    }
}
