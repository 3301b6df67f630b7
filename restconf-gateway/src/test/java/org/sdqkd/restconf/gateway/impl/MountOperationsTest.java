package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;
import org.w3c.dom.Element;

/** YANG Patch, RPCs and actions below {@code yang-ext:mount}, in both encodings. */
final class MountOperationsTest {
    private static final String NODE = MountResourceTest.NODE;
    private static final String NS = "urn:sdqkd:test:mount";

    @TempDir
    Path directory;
    private MountHarness harness;
    private MountTestDevice device;

    @BeforeEach
    void start() throws StorageException, DatastoreException {
        harness = new MountHarness(directory.resolve("gateway"), MountSettings.DEFAULT_TIMEOUT);
        device = new MountTestDevice(Datastores.open(directory.resolve("device"), MountTestModel.CONTEXT),
            MountTestModel.CONTEXT);
        harness.mount(NODE, device);
        try (DataTransaction tx = device.datastores().newTransaction(DatastoreName.RUNNING, new SessionId(1, "t"))) {
            tx.write(MountTestModel.systemPath(), MountTestModel.system("alpha", MountTestModel.iface("eth0", true)));
            tx.commit();
        }
    }

    @AfterEach
    void stop() {
        harness.close();
        device.datastores().close();
    }

    private static String value(final NormalizedNode node, final Encoding encoding) {
        return new String(TestModels.body(MountTestModel.CONTEXT, node, List.of(MountTestModel.SYSTEM), encoding),
            StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    /** A patch of {@code system}: create eth1, merge eth0 disabled, and a third edit given as text. */
    private String patch(final Encoding encoding, final String thirdEdit) {
        final String create = value(MountTestModel.iface("eth1", true), encoding);
        final String merge = value(MountTestModel.iface("eth0", false), encoding);
        if (encoding == Encoding.JSON) {
            return "{\"ietf-yang-patch:yang-patch\":{\"patch-id\":\"p1\",\"edit\":["
                + "{\"edit-id\":\"e1\",\"operation\":\"create\",\"target\":\"/interface=eth1\",\"value\":" + create
                + "},{\"edit-id\":\"e2\",\"operation\":\"merge\",\"target\":\"/interface=eth0\",\"value\":" + merge
                + "}" + thirdEdit + "]}}";
        }
        return "<yang-patch xmlns=\"" + YangPatchReader.NAMESPACE + "\"><patch-id>p1</patch-id>"
            + "<edit><edit-id>e1</edit-id><operation>create</operation><target>/interface=eth1</target><value>"
            + create + "</value></edit>"
            + "<edit><edit-id>e2</edit-id><operation>merge</operation><target>/interface=eth0</target><value>"
            + merge + "</value></edit>" + thirdEdit + "</yang-patch>";
    }

    private HttpResponse<String> sendPatch(final Encoding encoding, final String body) {
        return harness.send("PATCH", harness.uri(NODE, MountTestModel.NAME + ":system"),
            body.getBytes(StandardCharsets.UTF_8), "Content-Type", encoding == Encoding.JSON
                ? YangPatchResource.JSON_TYPE : YangPatchResource.XML_TYPE, "Accept", encoding.mediaType());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void yangPatchSendsItsEditsInOneDeviceEdit(final Encoding encoding) throws Exception {
        final HttpResponse<String> answer = sendPatch(encoding, patch(encoding, ""));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("ok"), answer.body());
        assertEquals(1, device.editCalls());
        assertEquals(Optional.of(MountTestModel.iface("eth1", true)), device.datastores()
            .snapshot(DatastoreName.RUNNING).read(MountTestModel.interfacePath("eth1")));
        assertEquals(Optional.of(MountTestModel.iface("eth0", false)), device.datastores()
            .snapshot(DatastoreName.RUNNING).read(MountTestModel.interfacePath("eth0")));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aYangPatchEditTheGatewayCannotReadReachesNoDevice(final Encoding encoding) throws Exception {
        final String bad = encoding == Encoding.JSON
            ? ",{\"edit-id\":\"e3\",\"operation\":\"merge\",\"target\":\"/nosuch\",\"value\":{}}"
            : "<edit><edit-id>e3</edit-id><operation>merge</operation><target>/nosuch</target><value>"
                + "<nosuch xmlns=\"" + NS + "\"/></value></edit>";
        final HttpResponse<String> answer = sendPatch(encoding, patch(encoding, bad));
        assertEquals(400, answer.statusCode(), answer.body());
        final String editId = encoding == Encoding.JSON ? JsonParser.parseString(answer.body()).getAsJsonObject()
            .getAsJsonObject("ietf-yang-patch:yang-patch-status").getAsJsonObject("edit-status")
            .getAsJsonArray("edit").get(0).getAsJsonObject().get("edit-id").getAsString()
            : ((Element) RootResourceTest.xml(answer.body()).getElementsByTagNameNS(YangPatchReader.NAMESPACE,
                "edit-id").item(0)).getTextContent();
        assertEquals("e3", editId);
        assertEquals(0, device.editCalls());
        final String move = encoding == Encoding.JSON
            ? ",{\"edit-id\":\"e3\",\"operation\":\"move\",\"target\":\"/interface=eth0\",\"where\":\"first\"}"
            : "<edit><edit-id>e3</edit-id><operation>move</operation><target>/interface=eth0</target>"
                + "<where>first</where></edit>";
        assertEquals(400, sendPatch(encoding, patch(encoding, move)).statusCode());
        assertEquals(0, device.editCalls());
    }

    private HttpResponse<String> post(final String devicePath, final Encoding encoding, final String body) {
        return harness.send("POST", harness.uri(NODE, devicePath), body.getBytes(StandardCharsets.UTF_8),
            "Content-Type", encoding.mediaType(), "Accept", encoding.mediaType());
    }

    private static String input(final Encoding encoding, final String leaf, final String value) {
        return encoding == Encoding.JSON ? "{\"mount-test:input\":{\"" + leaf + "\":\"" + value + "\"}}"
            : "<input xmlns=\"" + NS + "\"><" + leaf + ">" + value + "</" + leaf + "></input>";
    }

    private static String outputLeaf(final String body, final Encoding encoding, final String leaf)
            throws Exception {
        if (encoding == Encoding.JSON) {
            final JsonObject output = JsonParser.parseString(body).getAsJsonObject()
                .getAsJsonObject("mount-test:output");
            return output.get(leaf).getAsString();
        }
        final Element output = RootResourceTest.xml(body);
        assertEquals(NS, output.getNamespaceURI());
        return output.getElementsByTagNameNS(NS, leaf).item(0).getTextContent();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anRpcOfTheDeviceIsInvoked(final Encoding encoding) throws Exception {
        final HttpResponse<String> answer = post(MountTestModel.NAME + ":ping", encoding,
            input(encoding, "host", "beta"));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("7", outputLeaf(answer.body(), encoding, "rtt"));
        final HttpResponse<String> missing = post(MountTestModel.NAME + ":ping", encoding, encoding == Encoding.JSON
            ? "{\"mount-test:input\":{}}" : "<input xmlns=\"" + NS + "\"/>");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("missing-element"), missing.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anActionOfTheDeviceIsInvokedOnItsDataNode(final Encoding encoding) throws Exception {
        final HttpResponse<String> answer = post(MountTestModel.NAME + ":system/interface=eth0/reset", encoding,
            input(encoding, "delay", "3"));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("reset eth0", outputLeaf(answer.body(), encoding, "status"));
        final HttpResponse<String> absent = post(MountTestModel.NAME + ":system/interface=eth9/reset", encoding,
            input(encoding, "delay", "3"));
        assertEquals(404, absent.statusCode(), absent.body());
        assertTrue(absent.body().contains("data-missing"), absent.body());
    }
}
