package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.w3c.dom.Element;

/** {@code {+restconf}/operations} (RFC 8040 sections 3.3.2 and 4.4.2). */
final class OperationsResourceTest {
    @TempDir
    Path directory;
    private GatewayHarness gateway;
    private String rpcName;
    private RpcDefinition rpc;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory);
        final Module module = TestModels.CONTEXT.getModules().stream().filter(m -> !m.getRpcs().isEmpty())
            .findFirst().orElseThrow();
        rpc = module.getRpcs().iterator().next();
        rpcName = module.getName() + ":" + rpc.getQName().getLocalName();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void everyRpcIsListedInJson() {
        final HttpResponse<String> answer = gateway.send("GET", operations(""), null);
        assertEquals(200, answer.statusCode(), answer.body());
        final JsonObject listed = JsonParser.parseString(answer.body()).getAsJsonObject()
            .getAsJsonObject("ietf-restconf:operations");
        final long rpcs = TestModels.CONTEXT.getModules().stream().mapToLong(m -> m.getRpcs().size()).sum();
        assertEquals(rpcs, listed.size());
        final JsonArray member = listed.getAsJsonArray(rpcName);
        assertEquals(1, member.size());
        assertTrue(member.get(0).isJsonNull(), answer.body());
    }

    @Test
    void oneRpcInXmlIsAnEmptyElementInItsNamespace() throws Exception {
        final HttpResponse<String> answer = gateway.send("GET", operations("/" + rpcName), null, "Accept",
            Encoding.XML.mediaType());
        assertEquals(200, answer.statusCode(), answer.body());
        final Element root = RootResourceTest.xml(answer.body());
        assertEquals(RootResource.NAMESPACE, root.getNamespaceURI());
        assertEquals("operations", root.getLocalName());
        assertEquals(1, root.getElementsByTagNameNS(rpc.getQName().getNamespace().toString(),
            rpc.getQName().getLocalName()).getLength());
        assertEquals(1, root.getChildNodes().getLength());
    }

    @Test
    void invokingAnRpcNothingServesIsOperationNotSupported() {
        final HttpResponse<String> answer = gateway.send("POST", operations("/" + rpcName), "{}".getBytes(),
            "Content-Type", Encoding.JSON.mediaType());
        assertEquals(405, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("operation-not-supported"), answer.body());
        assertTrue(answer.body().contains(rpcName), answer.body());
        assertEquals("GET, HEAD, POST, OPTIONS", answer.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void anUnknownRpcIsUnknownElement() {
        HttpResponse<String> answer = gateway.send("POST", operations("/no-module:nothing"), "{}".getBytes(),
            "Content-Type", Encoding.JSON.mediaType());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("unknown-element"), answer.body());
        answer = gateway.send("GET", operations("/" + rpc.getQName().getLocalName()), null);
        assertEquals(400, answer.statusCode(), "an RPC must be named with its module: " + answer.body());
    }

    private URI operations(final String rest) {
        return URI.create(gateway.root() + "/operations" + rest);
    }
}
