package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.restconf.gateway.spi.OperationException;
import org.w3c.dom.Element;

/** RPCs and actions (RFC 8040 sections 3.6, 4.4.2) carried out by registered implementations, in both encodings. */
final class OperationInvokerTest {
    private static final QName ADD = TestModule.qname("add");
    private static final QName PING = TestModule.qname("ping");
    private static final Absolute RESET = Absolute.of(TestModule.TOP, TestModule.qname("device"),
        TestModule.qname("reset"));
    private static final String NS = TestModule.MODULE.namespace().toString();

    @TempDir
    Path directory;
    private GatewayHarness gateway;
    private final List<Object> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory, TestModule.CONTEXT);
        gateway.gateway().register(Absolute.of(ADD), (target, input) -> {
            calls.add(input);
            final int sum = (Integer) leaf(input, "a") + (Integer) leaf(input, "b");
            if (sum < 0) {
                throw new OperationException(ErrorTag.OPERATION_FAILED, "negative sums are not supported");
            }
            return output(ADD, ImmutableNodes.leafNode(TestModule.qname("sum"), sum));
        });
        gateway.gateway().register(Absolute.of(PING), (target, input) -> {
            calls.add(input);
            return output(PING);
        });
        gateway.gateway().register(RESET, (target, input) -> {
            calls.add(target);
            return output(RESET.lastNodeIdentifier(), ImmutableNodes.leafNode(TestModule.qname("status"),
                "reset after " + leaf(input, "delay")));
        });
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anRpcAnswersItsOutput(final Encoding encoding) throws Exception {
        final HttpResponse<String> answer = post("operations/gateway-test:add", encoding, input(encoding,
            "a", "2", "b", "3"));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(encoding.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("5", outputLeaf(answer.body(), encoding, "sum"));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anRpcWithoutOutputAnswers204(final Encoding encoding) {
        HttpResponse<String> answer = post("operations/gateway-test:ping", encoding, input(encoding, "note", "hi"));
        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals("hi", leaf((ContainerNode) calls.get(0), "note"));
        answer = gateway.send("POST", URI.create(gateway.root() + "/operations/gateway-test:ping"), null);
        assertEquals(204, answer.statusCode(), answer.body());
        assertTrue(((ContainerNode) calls.get(1)).body().isEmpty(), "no body is an empty input");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void badInputIsRefusedBeforeTheImplementationRuns(final Encoding encoding) {
        assertRefused(post("operations/gateway-test:add", encoding, input(encoding, "a", "2")), 400, "missing-element");
        assertRefused(post("operations/gateway-test:add", encoding, input(encoding, "a", "two", "b", "3")), 400,
            "invalid-value");
        assertRefused(post("operations/gateway-test:add", encoding, input(encoding, "a", "1", "b", "1", "c", "1")),
            400, "unknown-element");
        assertRefused(post("operations/gateway-test:add", encoding, "{\"gateway-test:input\":"), 400,
            "malformed-message");
        assertTrue(calls.isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anImplementationsErrorIsAnsweredAsAnRfc8040Error(final Encoding encoding) {
        final HttpResponse<String> answer = post("operations/gateway-test:add", encoding, input(encoding,
            "a", "-5", "b", "1"));
        assertRefused(answer, 500, "operation-failed");
        assertTrue(answer.body().contains("negative sums are not supported"), answer.body());
    }

    @Test
    void registrationsAreCheckedAgainstTheModels() {
        assertThrows(IllegalArgumentException.class, () -> gateway.gateway().register(Absolute.of(ADD),
            (target, input) -> output(ADD)), "one implementation per operation");
        assertThrows(IllegalArgumentException.class, () -> gateway.gateway().register(
            Absolute.of(TestModule.qname("no-such-rpc")), (target, input) -> output(ADD)));
        assertThrows(IllegalArgumentException.class, () -> gateway.gateway().register(Absolute.of(TestModule.TOP),
            (target, input) -> output(ADD)), "a container is no operation");
    }

    @Test
    void closingTheRegistrationRemovesTheImplementation() {
        gateway.close();
        gateway = new GatewayHarness(directory, TestModule.CONTEXT);
        final Registration registration = gateway.gateway().register(Absolute.of(PING),
            (target, input) -> output(PING));
        assertEquals(204, post("operations/gateway-test:ping", Encoding.JSON, input(Encoding.JSON)).statusCode());
        registration.close();
        assertRefused(post("operations/gateway-test:ping", Encoding.JSON, input(Encoding.JSON)), 405,
            "operation-not-supported");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void anActionRunsOnItsDataNode(final Encoding encoding) throws Exception {
        final var device = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(NodeIdentifierWithPredicates.of(
            TestModule.qname("device"), TestModule.qname("name"), "d1"))
            .withChild(ImmutableNodes.leafNode(TestModule.qname("name"), "d1")).build();
        assertEquals(201, gateway.edit("PUT", "gateway-test:top/device=d1", TestModels.body(TestModule.CONTEXT,
            device, List.of(TestModule.TOP), encoding), encoding).statusCode());
        final HttpResponse<String> answer = post("data/gateway-test:top/device=d1/reset", encoding,
            input(encoding, "delay", "7"));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("reset after 7", outputLeaf(answer.body(), encoding, "status"));
        assertEquals(YangInstanceIdentifier.of(new NodeIdentifier(TestModule.TOP),
            new NodeIdentifier(TestModule.qname("device")), device.name()), calls.get(0));
        assertRefused(post("data/gateway-test:top/device=d2/reset", encoding, input(encoding, "delay", "7")), 404,
            "data-missing");
        assertRefused(post("data/gateway-test:top/device=d1/no-such-action", encoding,
            input(encoding, "delay", "7")), 400, "unknown-element");
        assertEquals(1, calls.size());
    }

    private static Object leaf(final ContainerNode container, final String name) {
        return ((LeafNode<?>) container.getChildByArg(new NodeIdentifier(TestModule.qname(name)))).body();
    }

    private static ContainerNode output(final QName operation, final LeafNode<?>... leaves) {
        final var builder = ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(
            QName.create(operation, "output")));
        for (LeafNode<?> leaf : leaves) {
            builder.withChild(leaf);
        }
        return builder.build();
    }

    /** A small input document: name, value, name, value... (numbers stay JSON numbers when they are numbers). */
    private static String input(final Encoding encoding, final String... leaves) {
        if (encoding == Encoding.JSON) {
            final JsonObject input = new JsonObject();
            for (int i = 0; i < leaves.length; i += 2) {
                if (leaves[i + 1].matches("-?[0-9]+")) {
                    input.addProperty(leaves[i], Long.parseLong(leaves[i + 1]));
                } else {
                    input.addProperty(leaves[i], leaves[i + 1]);
                }
            }
            final JsonObject body = new JsonObject();
            body.add("gateway-test:input", input);
            return body.toString();
        }
        final StringBuilder xml = new StringBuilder("<input xmlns=\"" + NS + "\">");
        for (int i = 0; i < leaves.length; i += 2) {
            xml.append('<').append(leaves[i]).append('>').append(leaves[i + 1]).append("</").append(leaves[i])
                .append('>');
        }
        return xml.append("</input>").toString();
    }

    private HttpResponse<String> post(final String resource, final Encoding encoding, final String body) {
        return gateway.send("POST", URI.create(gateway.root() + "/" + resource), body.getBytes(StandardCharsets.UTF_8),
            "Content-Type", encoding.mediaType(), "Accept", encoding.mediaType());
    }

    private static String outputLeaf(final String body, final Encoding encoding, final String leaf) throws Exception {
        if (encoding == Encoding.JSON) {
            return JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("gateway-test:output").get(leaf)
                .getAsString();
        }
        final Element output = RootResourceTest.xml(body);
        assertEquals("output", output.getLocalName());
        assertEquals(NS, output.getNamespaceURI());
        return output.getElementsByTagNameNS(NS, leaf).item(0).getTextContent();
    }

    private static void assertRefused(final HttpResponse<String> answer, final int status, final String tag) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(tag), answer.body());
    }
}
