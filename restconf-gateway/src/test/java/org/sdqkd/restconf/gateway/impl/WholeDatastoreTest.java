package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/** PUT and PATCH of {@code {+restconf}/data} with an {@code ietf-restconf:data} body (RFC 8040 4.5, 4.6.1). */
final class WholeDatastoreTest {
    private static final String TOP = TestModule.NAME + ":top";

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory, TestModule.CONTEXT);
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE, TestModels.node("rack 1"));
        assertEquals(201, gateway.edit("PUT", TestModels.nodePath(), TestModels.body(TestModule.CONTEXT, node,
            List.of(), Encoding.JSON), Encoding.JSON).statusCode());
        assertEquals(201, gateway.edit("PUT", TOP, body(Encoding.JSON, top("a", "b")), Encoding.JSON).statusCode());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void putReplacesAllConfiguration(final Encoding encoding) {
        final HttpResponse<String> answer = gateway.edit("PUT", "", data(encoding, top("c")), encoding);
        assertEquals(204, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("ETag").isPresent());
        assertEquals(List.of("c"), TestModule.ruleNames(gateway, encoding));
        assertEquals(404, gateway.get(TestModels.nodePath(), encoding).statusCode(), "qkd_node was not in the body");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void patchMergesTopLevelNodes(final Encoding encoding) {
        final HttpResponse<String> answer = gateway.edit("PATCH", "", data(encoding, top("d")), encoding);
        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(List.of("a", "b", "d"), TestModule.ruleNames(gateway, encoding));
        assertEquals(200, gateway.get(TestModels.nodePath(), encoding).statusCode());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anEmptyDataBodyClearsTheConfiguration(final Encoding encoding) {
        final byte[] empty = (encoding == Encoding.JSON ? "{\"ietf-restconf:data\":{}}"
            : "<data xmlns=\"" + DatastoreBody.NAMESPACE + "\"/>").getBytes(StandardCharsets.UTF_8);
        assertEquals(204, gateway.edit("PUT", "", empty, encoding).statusCode());
        assertEquals(404, gateway.get(TOP, encoding).statusCode());
        assertEquals(404, gateway.get(TestModels.nodePath(), encoding).statusCode());
    }

    @Test
    void badBodiesAndFailedConditionsChangeNothing() {
        assertRefused(gateway.edit("PUT", "", body(Encoding.JSON, top("x")), Encoding.JSON), 400, "invalid-value");
        assertRefused(gateway.edit("PUT", "", body(Encoding.XML, top("x")), Encoding.XML), 400, "invalid-value");
        assertRefused(gateway.edit("PUT", "", "{\"ietf-restconf:data\":{\"gateway-test:top\":{\"colour\":1}}}"
            .getBytes(StandardCharsets.UTF_8), Encoding.JSON), 400, "unknown-element");
        assertRefused(gateway.edit("PATCH", "", "{\"ietf-restconf:data\":{\"gateway-test:counters\":{\"hits\":1}}}"
            .getBytes(StandardCharsets.UTF_8), Encoding.JSON), 400, "invalid-value");
        assertRefused(gateway.edit("PUT", "", "{\"ietf-restconf:data\":".getBytes(StandardCharsets.UTF_8),
            Encoding.JSON), 400, "malformed-message");
        assertRefused(gateway.edit("PUT", "", data(Encoding.JSON, top("x")), Encoding.JSON, "If-Match",
            "\"no-such-tag\""), 412, "operation-failed");
        assertEquals(List.of("a", "b"), TestModule.ruleNames(gateway, Encoding.JSON));
        assertEquals(200, gateway.get(TestModels.nodePath(), Encoding.JSON).statusCode());
    }

    @Test
    void optionsOnTheDatastoreNamesPutAndPatch() {
        final HttpResponse<String> answer = gateway.send("OPTIONS", gateway.data(""), null);
        assertEquals("GET, HEAD, POST, PUT, PATCH, OPTIONS", answer.headers().firstValue("Allow").orElseThrow());
    }

    private static void assertRefused(final HttpResponse<String> answer, final int status, final String tag) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(tag), answer.body());
    }

    private static NormalizedNode top(final String... rules) {
        final var list = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(new NodeIdentifier(TestModule.RULE));
        for (String rule : rules) {
            list.withChild(TestModule.rule(rule));
        }
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(TestModule.TOP))
            .withChild(list.build()).build();
    }

    private static byte[] body(final Encoding encoding, final NormalizedNode node) {
        return TestModels.body(TestModule.CONTEXT, node, List.of(), encoding);
    }

    /** An ietf-restconf:data body holding a top-level node, written by yangtools inside the wrapper. */
    private static byte[] data(final Encoding encoding, final NormalizedNode node) {
        final String inner = new String(body(encoding, node), StandardCharsets.UTF_8);
        if (encoding == Encoding.JSON) {
            final JsonObject data = new JsonObject();
            data.add(DatastoreBody.JSON_ROOT, JsonParser.parseString(inner));
            return data.toString().getBytes(StandardCharsets.UTF_8);
        }
        return ("<data xmlns=\"" + DatastoreBody.NAMESPACE + "\">" + inner.replaceFirst("^<\\?xml[^>]*\\?>", "")
            + "</data>").getBytes(StandardCharsets.UTF_8);
    }
}
