package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.base._1._0.rev110601.KillSession;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.base._1._0.rev110601.KillSessionInput;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.base._1._0.rev110601.KillSessionOutput;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.base._1._0.rev110601.KillSessionOutputBuilder;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.restconf.gateway.spi.BindingRpc;
import org.sdqkd.restconf.gateway.spi.OperationException;

/**
 * An RPC implemented on generated bindings ({@link BindingRpc}): ietf-netconf's {@code kill-session} (RFC 6241), which
 * the gateway serves because ietf-netconf-notifications imports it, with its generated {@code KillSessionInput} and
 * {@code KillSessionOutput}, invoked in both encodings.
 */
final class BindingRpcTest {
    private static final BindingNormalizedNodeSerializer CODEC = ServiceLoader.load(BindingDataCodecFactory.class)
        .findFirst().orElseThrow().newBindingDataCodec(BindingRuntimeHelpers.createRuntimeContext(KillSession.class))
        .nodeSerializer();
    private static final String URL = "/operations/ietf-netconf:kill-session";

    @TempDir
    Path directory;
    private GatewayHarness gateway;
    private final List<KillSessionInput> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theImplementationGetsTheGeneratedInputInBothEncodings() {
        final BindingRpc<KillSessionInput, KillSessionOutput> rpc = BindingRpc.of(CODEC, KillSession.class, input -> {
            calls.add(input);
            return new KillSessionOutputBuilder().build();
        });
        assertEquals(Absolute.of(KillSession.QNAME), rpc.operation());
        try (Registration registration = gateway.gateway().register(rpc.operation(), rpc)) {
            assertEquals(204, post("{\"ietf-netconf:input\": {\"session-id\": 42}}", Encoding.JSON).statusCode());
            assertEquals(204, post("<input xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><session-id>7</session-id>"
                + "</input>", Encoding.XML).statusCode());
            assertEquals(List.of(Uint32.valueOf(42), Uint32.valueOf(7)), calls.stream()
                .map(input -> input.getSessionId().getValue()).toList());
            // a missing mandatory input is refused by the gateway before the implementation runs
            final HttpResponse<String> missing = post("{\"ietf-netconf:input\": {}}", Encoding.JSON);
            assertEquals(400, missing.statusCode());
            assertTrue(missing.body().contains("missing-element"), missing.body());
            assertEquals(2, calls.size());
        }
        assertEquals(405, post("{\"ietf-netconf:input\": {\"session-id\": 1}}", Encoding.JSON).statusCode(),
            "a closed registration leaves the RPC without implementation");
    }

    @Test
    void theImplementationsErrorsAreRfc8040Errors() {
        final BindingRpc<KillSessionInput, KillSessionOutput> refusing = BindingRpc.of(CODEC, KillSession.class,
            input -> {
                throw new OperationException(ErrorTag.INVALID_VALUE, "no session " + input.getSessionId().getValue());
            });
        try (Registration registration = gateway.gateway().register(refusing.operation(), refusing)) {
            final HttpResponse<String> answer = post("{\"ietf-netconf:input\": {\"session-id\": 9}}", Encoding.JSON);
            assertEquals(400, answer.statusCode());
            assertTrue(answer.body().contains("invalid-value") && answer.body().contains("no session 9"),
                answer.body());
        }
        final BindingRpc<KillSessionInput, KillSessionOutput> broken = BindingRpc.of(CODEC, KillSession.class,
            input -> null);
        try (Registration registration = gateway.gateway().register(broken.operation(), broken)) {
            final HttpResponse<String> answer = post("{\"ietf-netconf:input\": {\"session-id\": 9}}", Encoding.JSON);
            assertEquals(500, answer.statusCode());
            assertTrue(answer.body().contains("operation-failed") && answer.body().contains("KillSessionOutput"),
                answer.body());
        }
    }

    private HttpResponse<String> post(final String body, final Encoding encoding) {
        return gateway.send("POST", URI.create(gateway.root() + URL), body.getBytes(StandardCharsets.UTF_8),
            "Content-Type", encoding.mediaType(), "Accept", encoding.mediaType());
    }
}
