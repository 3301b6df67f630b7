package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;

/** The NMDA datastore resources {@code {+restconf}/ds/...} (RFC 8527 section 3.1). */
final class NmdaDatastoresTest {
    private static final String TOP = TestModule.NAME + ":top";

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() throws DatastoreException {
        gateway = new GatewayHarness(directory, TestModule.CONTEXT);
        final var counters = TestModule.qname("counters");
        try (DataTransaction tx = gateway.datastores().newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.write(YangInstanceIdentifier.of(counters), ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(counters))
                .withChild(ImmutableNodes.leafNode(TestModule.qname("hits"), Uint64.valueOf(42))).build());
            tx.commit();
        }
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void runningIsReadAndWrittenLikeData(final Encoding encoding) {
        HttpResponse<String> answer = gateway.send("PUT", ds("ietf-datastores:running/" + TOP), body(encoding, "a"),
            "Content-Type", encoding.mediaType());
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals(List.of("a"), TestModule.ruleNames(gateway, encoding));
        answer = gateway.send("POST", ds("ietf-datastores:running/" + TOP), TestModels.body(TestModule.CONTEXT,
            TestModule.rule("b"), List.of(TestModule.TOP), encoding), "Content-Type", encoding.mediaType());
        assertEquals(201, answer.statusCode(), answer.body());
        answer = gateway.send("GET", ds("ietf-datastores:running/" + TOP), null, "Accept", encoding.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(gateway.get(TOP, encoding).body(), answer.body());
        assertEquals(gateway.get(TOP, encoding).headers().firstValue("ETag"), answer.headers().firstValue("ETag"));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void operationalHoldsConfigurationAndStateAndIsReadOnly(final Encoding encoding) {
        gateway.send("PUT", ds("ietf-datastores:running/" + TOP), body(encoding, "a"), "Content-Type",
            encoding.mediaType());
        HttpResponse<String> answer = gateway.send("GET", ds("ietf-datastores:operational/" + TOP), null, "Accept",
            encoding.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        answer = gateway.send("GET", ds("ietf-datastores:operational/" + TestModule.NAME + ":counters"), null,
            "Accept", encoding.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        final NormalizedNode counters = TestModels.parse(TestModule.CONTEXT, answer.body(),
            List.of(TestModule.qname("counters")), encoding);
        assertEquals(Uint64.valueOf(42), ((ContainerNode) counters).getChildByArg(new NodeIdentifier(
            TestModule.qname("hits"))).body());
        answer = gateway.send("PUT", ds("ietf-datastores:operational/" + TOP), body(encoding, "z"), "Content-Type",
            encoding.mediaType(), "Accept", encoding.mediaType());
        assertEquals(405, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("operation-not-supported"), answer.body());
        assertEquals("GET, HEAD, OPTIONS", answer.headers().firstValue("Allow").orElseThrow());
        assertEquals(List.of("a"), TestModule.ruleNames(gateway, encoding));
        // OPTIONS names the read methods only, with no Accept-Patch, on operational; running keeps every method
        answer = gateway.send("OPTIONS", ds("ietf-datastores:operational/" + TOP), null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("GET, HEAD, OPTIONS", answer.headers().firstValue("Allow").orElseThrow());
        assertTrue(answer.headers().firstValue("Accept-Patch").isEmpty());
        answer = gateway.send("OPTIONS", ds("ietf-datastores:running/" + TOP), null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Allow").orElseThrow().contains("PATCH"));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void datastoresNotServedAre404AndOtherNames400(final Encoding encoding) {
        HttpResponse<String> answer = gateway.send("GET", ds("ietf-datastores:intended/" + TOP), null, "Accept",
            encoding.mediaType());
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("invalid-value"), answer.body());
        assertEquals(encoding.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
        answer = gateway.send("GET", ds("example:nothing"), null, "Accept", encoding.mediaType());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("invalid-value"), answer.body());
    }

    @Test
    void theWholeRunningDatastoreIsAResource() {
        final HttpResponse<String> answer = gateway.send("GET", ds("ietf-datastores:running"), null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("ietf-restconf:data"), answer.body());
    }

    private URI ds(final String rest) {
        return URI.create(gateway.root() + "/ds/" + rest);
    }

    private static byte[] body(final Encoding encoding, final String rule) {
        final var rules = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(new NodeIdentifier(TestModule.RULE))
            .withChild(TestModule.rule(rule)).build();
        return TestModels.body(TestModule.CONTEXT, ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(TestModule.TOP)).withChild(rules).build(), List.of(), encoding);
    }
}
