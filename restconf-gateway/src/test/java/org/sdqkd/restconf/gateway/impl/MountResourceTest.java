package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;

/**
 * The data methods below {@code yang-ext:mount}, in both encodings, on an in-memory device with models the gateway
 * does not serve ({@code mount-test}), mounted at a {@code sdqkd-network} node.
 */
final class MountResourceTest {
    static final String NODE = "3f0c2a6e-52b1-4d7e-9a43-4c1f3e9d2b10";
    private static final String SYSTEM = MountTestModel.NAME + ":system";

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
        write(DatastoreName.RUNNING, MountTestModel.system("alpha", MountTestModel.iface("eth0", true)));
        write(DatastoreName.OPERATIONAL, MountTestModel.system("alpha", MountTestModel.ifaceState("eth0", 1000)));
    }

    @AfterEach
    void stop() {
        harness.close();
        device.datastores().close();
    }

    private void write(final DatastoreName datastore, final ContainerNode system) throws DatastoreException {
        try (DataTransaction tx = device.datastores().newTransaction(datastore, new SessionId(1, "test"))) {
            tx.write(MountTestModel.systemPath(), system);
            tx.commit();
        }
    }

    private Optional<NormalizedNode> running(final YangInstanceIdentifier path) {
        return device.datastores().snapshot(DatastoreName.RUNNING).read(path);
    }

    private static NormalizedNode parseSystem(final HttpResponse<String> answer, final Encoding encoding) {
        return TestModels.parse(MountTestModel.CONTEXT, answer.body(), List.of(MountTestModel.SYSTEM), encoding);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void getAnswersConfigurationAndStateWithoutValidators(final Encoding encoding) {
        final HttpResponse<String> answer = harness.get(NODE, SYSTEM, encoding);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(encoding.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(answer.headers().firstValue("ETag").isEmpty());
        assertTrue(answer.headers().firstValue("Last-Modified").isEmpty());
        final ContainerNode expected = (ContainerNode) StateMerge.of(
            Optional.of(MountTestModel.system("alpha", MountTestModel.iface("eth0", true))),
            Optional.of(MountTestModel.system("alpha", MountTestModel.ifaceState("eth0", 1000)))).orElseThrow();
        assertEquals(expected, parseSystem(answer, encoding));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void getOfTheMountAloneAnswersTheDevicesWholeData(final Encoding encoding) {
        final HttpResponse<String> answer = harness.get(NODE, "", encoding);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("alpha"), answer.body());
        assertTrue(answer.body().contains(encoding == Encoding.JSON ? "\"ietf-restconf:data\"" : "<data xmlns="
            + "\"urn:ietf:params:xml:ns:yang:ietf-restconf\""), answer.body());
        assertTrue(answer.body().contains(encoding == Encoding.JSON ? "\"mount-test:system\"" : "urn:sdqkd:test:mount"),
            answer.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void queryParametersShapeTheDevicesAnswer(final Encoding encoding) {
        assertEquals(MountTestModel.system("alpha", MountTestModel.iface("eth0", true)),
            parseSystem(harness.get(NODE, SYSTEM + "?content=config", encoding), encoding));
        assertEquals(MountTestModel.system(null, MountTestModel.ifaceState("eth0", 1000)),
            parseSystem(harness.get(NODE, SYSTEM + "?content=nonconfig", encoding), encoding));
        final String fields = harness.get(NODE, SYSTEM + "?fields=hostname", encoding).body();
        assertEquals(MountTestModel.system("alpha"), TestModels.parse(MountTestModel.CONTEXT, fields,
            List.of(MountTestModel.SYSTEM), encoding));
        final String defaults = harness.get(NODE, SYSTEM + "?with-defaults=report-all&content=config", encoding)
            .body();
        assertTrue(defaults.contains("1500"), defaults);
        assertFalse(harness.get(NODE, SYSTEM, encoding).body().contains("1500"));
        final String depth = harness.get(NODE, SYSTEM + "?depth=1", encoding).body();
        assertFalse(depth.contains("alpha"), depth);
        assertEquals(400, harness.get(NODE, SYSTEM + "?depth=0", encoding).statusCode());
        assertEquals(400, harness.get(NODE, SYSTEM + "?fields=nosuch", encoding).statusCode());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void headHasTheHeadersOfGetAndNoBody(final Encoding encoding) {
        final HttpResponse<String> get = harness.get(NODE, SYSTEM, encoding);
        final HttpResponse<String> head = harness.send("HEAD", harness.uri(NODE, SYSTEM), null, "Accept",
            encoding.mediaType());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
            head.headers().firstValue("Content-Length").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void putCreatesThenReplaces(final Encoding encoding) {
        final String path = SYSTEM + "/interface=eth1";
        final MapEntryNode first = MountTestModel.iface("eth1", true);
        final byte[] body = TestModels.body(MountTestModel.CONTEXT, first, List.of(MountTestModel.SYSTEM), encoding);
        assertEquals(201, harness.edit("PUT", NODE, path, body, encoding).statusCode());
        assertEquals(Optional.of(first), running(MountTestModel.interfacePath("eth1")));
        final MapEntryNode second = MountTestModel.iface("eth1", false);
        final HttpResponse<String> replaced = harness.edit("PUT", NODE, path, TestModels.body(MountTestModel.CONTEXT,
            second, List.of(MountTestModel.SYSTEM), encoding), encoding);
        assertEquals(204, replaced.statusCode(), replaced.body());
        assertTrue(replaced.headers().firstValue("ETag").isEmpty());
        assertEquals(Optional.of(second), running(MountTestModel.interfacePath("eth1")));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void postCreatesWithLocationUnderTheMountAndRefusesAnExistingChild(final Encoding encoding) {
        final MapEntryNode entry = MountTestModel.iface("eth/2", true);
        final byte[] body = TestModels.body(MountTestModel.CONTEXT, entry, List.of(MountTestModel.SYSTEM), encoding);
        final HttpResponse<String> created = harness.edit("POST", NODE, SYSTEM, body, encoding);
        assertEquals(201, created.statusCode(), created.body());
        final String location = created.headers().firstValue("Location").orElseThrow();
        assertEquals(harness.uri(NODE, SYSTEM + "/interface=eth%2F2").toString(), location);
        assertEquals(Optional.of(entry), running(MountTestModel.interfacePath("eth/2")));
        assertEquals(200, harness.send("GET", URI.create(location), null).statusCode());
        final HttpResponse<String> again = harness.edit("POST", NODE, SYSTEM, body, encoding);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("data-exists"), again.body());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void patchMergesIntoAnExistingResourceOnly(final Encoding encoding) {
        final MapEntryNode disabled = MountTestModel.iface("eth0", false);
        final byte[] body = TestModels.body(MountTestModel.CONTEXT, disabled, List.of(MountTestModel.SYSTEM),
            encoding);
        assertEquals(204, harness.edit("PATCH", NODE, SYSTEM + "/interface=eth0", body, encoding).statusCode());
        assertEquals(Optional.of(disabled), running(MountTestModel.interfacePath("eth0")));
        final HttpResponse<String> absent = harness.edit("PATCH", NODE, SYSTEM + "/interface=eth9",
            TestModels.body(MountTestModel.CONTEXT, MountTestModel.iface("eth9", true), List.of(MountTestModel.SYSTEM),
                encoding), encoding);
        assertEquals(404, absent.statusCode(), absent.body());
        assertTrue(absent.body().contains("data-missing"));
        assertTrue(running(MountTestModel.interfacePath("eth9")).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void deleteRemovesThenAnswersDataMissing(final Encoding encoding) {
        final String path = SYSTEM + "/interface=eth0";
        assertEquals(204, harness.send("DELETE", harness.uri(NODE, path), null).statusCode());
        assertTrue(running(MountTestModel.interfacePath("eth0")).isEmpty());
        final HttpResponse<String> again = harness.send("DELETE", harness.uri(NODE, path), null, "Accept",
            encoding.mediaType());
        assertEquals(404, again.statusCode());
        assertTrue(again.body().contains("data-missing"), again.body());
        // the interface's state is still there; its configuration is not
        assertEquals(404, harness.get(NODE, path + "?content=config", encoding).statusCode());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void optionsNamesTheMethodsOfConfigurationAndState(final Encoding encoding) {
        final HttpResponse<String> config = harness.send("OPTIONS", harness.uri(NODE, SYSTEM), null);
        assertEquals(200, config.statusCode());
        assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", config.headers().firstValue("Allow")
            .orElseThrow());
        assertTrue(config.headers().firstValue("Accept-Patch").orElseThrow().contains("application/yang-patch+xml"));
        assertEquals("GET, HEAD, OPTIONS", harness.send("OPTIONS", harness.uri(NODE, MountTestModel.NAME
            + ":counters"), null).headers().firstValue("Allow").orElseThrow());
        final HttpResponse<String> refused = harness.send("PUT", harness.uri(NODE, MountTestModel.NAME
            + ":counters"), null, "Content-Type", encoding.mediaType(), "Accept", encoding.mediaType());
        assertEquals(405, refused.statusCode());
        assertEquals("GET, HEAD, OPTIONS", refused.headers().firstValue("Allow").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void nmdaDatastoresReachTheMountAsDataDoes(final Encoding encoding) {
        final String below = "/" + MountHarness.NODES + NODE + "/yang-ext:mount/" + SYSTEM;
        final URI running = URI.create(harness.uri(NODE, "").toString().replace("/data/" + MountHarness.NODES,
            "/ds/ietf-datastores:running/" + MountHarness.NODES) + "/" + SYSTEM);
        assertTrue(running.toString().endsWith("/ds/ietf-datastores:running" + below), running.toString());
        final HttpResponse<String> answer = harness.send("GET", running, null, "Accept", encoding.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(harness.get(NODE, SYSTEM, encoding).body(), answer.body());
        final URI operational = URI.create(running.toString().replace(":running/", ":operational/"));
        assertEquals(405, harness.send("DELETE", operational, null).statusCode());
        assertTrue(running(MountTestModel.systemPath()).isPresent());
    }
}
