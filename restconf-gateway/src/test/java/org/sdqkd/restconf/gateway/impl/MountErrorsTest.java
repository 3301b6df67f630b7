package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.restconf.gateway.spi.MountEdit;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountRead;
import org.sdqkd.restconf.gateway.spi.MountedDevice;
import org.w3c.dom.Element;

/**
 * Errors below {@code yang-ext:mount}: unknown nodes, bad paths, a device that refuses an edit with an error-path,
 * one that is not connected or does not answer, conditional requests; and codecs shared by devices with one context.
 */
final class MountErrorsTest {
    private static final String NODE = MountResourceTest.NODE;
    private static final String INTERFACE = MountTestModel.NAME + ":system/interface=eth0";

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

    private static JsonObject firstError(final HttpResponse<String> answer) {
        return JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonObject("ietf-restconf:errors")
            .getAsJsonArray("error").get(0).getAsJsonObject();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aNodeWithoutADeviceIs404(final Encoding encoding) {
        final String other = "0b0cdf3c-9d8e-4d10-8d2f-8f0c1e2a3b4c";
        final HttpResponse<String> answer = harness.get(other, "", encoding);
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("data-missing"), answer.body());
        assertTrue(answer.body().contains(other), answer.body());
    }

    @Test
    void aPathTheDevicesModelsDoNotHaveIs400() {
        final JsonObject module = firstError(harness.get(NODE, "nosuch:system", Encoding.JSON));
        assertEquals("unknown-element", module.get("error-tag").getAsString());
        assertTrue(module.get("error-message").getAsString().contains("below the mount"), module.toString());
        assertTrue(module.get("error-message").getAsString().contains("nosuch"), module.toString());
        final HttpResponse<String> member = harness.get(NODE, MountTestModel.NAME + ":system/nosuch", Encoding.JSON);
        assertEquals(400, member.statusCode());
        assertEquals("unknown-element", firstError(member).get("error-tag").getAsString());
        // the gateway's own modules are not the device's
        assertEquals(400, harness.get(NODE, "sdqkd-network:network", Encoding.JSON).statusCode());
        assertEquals(400, harness.get(NODE, "yang-ext:mount/yang-ext:mount", Encoding.JSON).statusCode());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aRefusedEditAnswersTheDevicesErrorWithItsPathBelowTheMountPoint(final Encoding encoding) throws Exception {
        device.refuseEdits(new MountException(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE, Optional.of("too-fast"),
            Optional.of(MountTestModel.interfacePath("eth0")), "the device refuses this interface"));
        final HttpResponse<String> answer = harness.edit("PUT", NODE, INTERFACE, TestModels.body(
            MountTestModel.CONTEXT, MountTestModel.iface("eth0", false), List.of(MountTestModel.SYSTEM), encoding),
            encoding);
        assertEquals(400, answer.statusCode(), answer.body());
        final String mountPoint = "/sdqkd-network:network/node[node-id='" + NODE + "']/yang-ext:mount";
        if (encoding == Encoding.JSON) {
            final JsonObject error = firstError(answer);
            assertEquals("application", error.get("error-type").getAsString());
            assertEquals("invalid-value", error.get("error-tag").getAsString());
            assertEquals("too-fast", error.get("error-app-tag").getAsString());
            assertEquals("the device refuses this interface", error.get("error-message").getAsString());
            assertEquals(mountPoint + "/mount-test:system/interface[name='eth0']",
                error.get("error-path").getAsString());
        } else {
            final Element path = (Element) RootResourceTest.xml(answer.body())
                .getElementsByTagNameNS(BodyWriter.RESTCONF_NS, "error-path").item(0);
            final String[] steps = path.getTextContent().substring(1).split("/");
            assertEquals(5, steps.length, path.getTextContent());
            assertEquals("urn:sdqkd:yang:sdqkd-network", path.lookupNamespaceURI(prefix(steps[0])));
            assertTrue(steps[1].matches("[^:]+:node\\[[^:]+:node-id='" + NODE + "'\\]"), steps[1]);
            assertEquals("urn:sdqkd:yang:sdqkd-network", path.lookupNamespaceURI(prefix(steps[1])));
            assertEquals(MountPaths.SEGMENT, steps[2]);
            assertEquals(MountPaths.NAMESPACE, path.lookupNamespaceURI("yang-ext"));
            assertTrue(steps[3].endsWith(":system"), steps[3]);
            assertEquals("urn:sdqkd:test:mount", path.lookupNamespaceURI(prefix(steps[3])));
            assertTrue(steps[4].matches("[^:]+:interface\\[[^:]+:name='eth0'\\]"), steps[4]);
            assertEquals("urn:sdqkd:test:mount", path.lookupNamespaceURI(prefix(steps[4])));
        }
        assertEquals(Optional.of(MountTestModel.iface("eth0", true)), device.datastores()
            .snapshot(DatastoreName.RUNNING).read(MountTestModel.interfacePath("eth0")));
    }

    private static String prefix(final String step) {
        return step.substring(0, step.indexOf(':'));
    }

    @Test
    void aDeviceThatIsNotConnectedAnswersAsTheExceptionSays() {
        harness.refuse(NODE, new MountException(ErrorType.TRANSPORT, ErrorTag.RESOURCE_DENIED, Optional.empty(),
            Optional.empty(), "the node is not connected: connection refused"));
        final HttpResponse<String> unreachable = harness.get(NODE, "", Encoding.JSON);
        assertEquals(503, unreachable.statusCode(), unreachable.body());
        assertTrue(unreachable.body().contains("not connected"), unreachable.body());
        harness.refuse(NODE, new MountException(ErrorTag.RESOURCE_DENIED, "the node's schema is not ready"));
        assertEquals(409, harness.get(NODE, "", Encoding.JSON).statusCode());
    }

    @Test
    void aDeviceThatDoesNotAnswerIsCutOffAfterTheTimeout() {
        // a gateway of its own with a short bound (the others keep the default, so a loaded machine does not hit it)
        try (MountHarness quick = new MountHarness(directory.resolve("quick"), Duration.ofMillis(500))) {
            quick.mount(NODE, new FixedDevice(MountTestModel.CONTEXT, Duration.ofSeconds(60)));
            final HttpResponse<String> answer = quick.get(NODE, MountTestModel.NAME + ":system", Encoding.JSON);
            assertEquals(504, answer.statusCode(), answer.body());
            assertEquals("operation-failed", firstError(answer).get("error-tag").getAsString());
            assertTrue(firstError(answer).get("error-message").getAsString().contains("500 ms"), answer.body());
            quick.mount(NODE, new FixedDevice(MountTestModel.CONTEXT, Duration.ZERO));
            assertEquals(200, quick.get(NODE, MountTestModel.NAME + ":system", Encoding.JSON).statusCode());
        }
    }

    @Test
    void conditionsHoldOnlyAsFarAsResourcesWithoutEntityTagsAllow() {
        final byte[] body = TestModels.body(MountTestModel.CONTEXT, MountTestModel.iface("eth0", false),
            List.of(MountTestModel.SYSTEM), Encoding.JSON);
        assertEquals(412, harness.edit("PUT", NODE, INTERFACE, body, Encoding.JSON, "If-Match", "\"abc\"")
            .statusCode());
        assertEquals(412, harness.edit("PUT", NODE, INTERFACE, body, Encoding.JSON, "If-None-Match", "*")
            .statusCode());
        assertEquals(0, device.editCalls());
        assertEquals(304, harness.get(NODE, INTERFACE, Encoding.JSON, "If-None-Match", "*").statusCode());
        assertEquals(200, harness.get(NODE, INTERFACE, Encoding.JSON, "If-Modified-Since",
            "Sun, 06 Nov 2039 08:49:37 GMT").statusCode());
        assertEquals(204, harness.edit("PUT", NODE, INTERFACE, body, Encoding.JSON, "If-Match", "*").statusCode());
        assertEquals(1, device.editCalls());
    }

    @Test
    void devicesWithOneModelContextShareOneSetOfCodecs() {
        final EffectiveModelContext context = MountTestModel.parse();
        final long before = MountCodecs.built();
        for (int i = 0; i < 100; i++) {
            final String node = String.format("00000000-0000-4000-8000-%012d", i);
            harness.mount(node, new FixedDevice(context, Duration.ZERO));
            final Encoding encoding = i % 2 == 0 ? Encoding.JSON : Encoding.XML;
            assertEquals(200, harness.get(node, MountTestModel.NAME + ":system", encoding).statusCode());
        }
        assertEquals(1, MountCodecs.built() - before);
        final MountCodecs shared = MountCodecs.of(context);
        assertSame(shared, MountCodecs.of(context));
        assertSame(JSONCodecFactorySupplier.RFC7951.getShared(context), shared.codecs().json());
        assertEquals(1, MountCodecs.built() - before);
    }

    /** A device answering every read with the same data, after a delay; it refuses edits and operations. */
    private record FixedDevice(EffectiveModelContext modelContext, Duration delay) implements MountedDevice {
        @Override
        public Optional<NormalizedNode> read(final MountRead read) throws MountException {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MountException(ErrorTag.OPERATION_FAILED, "interrupted");
            }
            return Optional.of(MountTestModel.system("fixed"));
        }

        @Override
        public void edit(final List<MountEdit> edits) throws MountException {
            throw new MountException(ErrorTag.OPERATION_NOT_SUPPORTED, "read-only");
        }

        @Override
        public ContainerNode invoke(final Absolute operation, final YangInstanceIdentifier target,
                final ContainerNode input) throws MountException {
            throw new MountException(ErrorTag.OPERATION_NOT_SUPPORTED, "no operations");
        }
    }
}
