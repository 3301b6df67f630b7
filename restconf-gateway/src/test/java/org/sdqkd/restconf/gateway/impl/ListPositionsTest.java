package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
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
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/** insert and point (RFC 8040 sections 4.8.5, 4.8.6) on POST and PUT of ordered-by user lists and leaf-lists. */
final class ListPositionsTest {
    private static final String TOP = TestModule.NAME + ":top";

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory, TestModule.CONTEXT);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void postPlacesListEntriesWhereInsertAndPointSay(final Encoding encoding) {
        assertEquals(201, postRule("a", encoding, "").statusCode());
        assertEquals(201, postRule("b", encoding, "").statusCode());
        assertEquals(List.of("a", "b"), TestModule.ruleNames(gateway, encoding), "without insert, last");
        assertEquals(201, postRule("c", encoding, "?insert=first").statusCode());
        assertEquals(201, postRule("d", encoding, "?insert=before&point=" + point(TOP + "/rule=b")).statusCode());
        assertEquals(201, postRule("e", encoding, "?insert=after&point=" + point(TOP + "/rule=c")).statusCode());
        assertEquals(201, postRule("f", encoding, "?insert=last").statusCode());
        assertEquals(List.of("c", "e", "a", "d", "b", "f"), TestModule.ruleNames(gateway, encoding));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void postAndPutPlaceLeafListValues(final Encoding encoding) {
        final HttpResponse<String> first = postTag("x", encoding, "");
        assertEquals(201, first.statusCode(), first.body());
        final HttpResponse<String> second = postTag("y", encoding, "?insert=first");
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(201, postTag("z", encoding, "?insert=after&point=" + point(TOP + "/tag=y")).statusCode());
        assertEquals(List.of("y", "z", "x"), TestModule.tags(gateway, encoding));
        final HttpResponse<String> moved = gateway.send("PUT", uri(TOP + "/tag=x", "?insert=first"),
            TestModels.body(TestModule.CONTEXT, TestModule.tag("x"), List.of(TestModule.TOP), encoding),
            "Content-Type", encoding.mediaType());
        assertEquals(204, moved.statusCode(), moved.body());
        assertEquals(List.of("x", "y", "z"), TestModule.tags(gateway, encoding));
    }

    @Test
    void putCreatesOrMovesAnEntryAtItsPosition() {
        postRule("a", Encoding.JSON, "");
        postRule("b", Encoding.JSON, "");
        HttpResponse<String> answer = putRule("c", "?insert=before&point=" + point(TOP + "/rule=b"));
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals(List.of("a", "c", "b"), TestModule.ruleNames(gateway, Encoding.JSON));
        answer = putRule("a", "?insert=after&point=" + point(TOP + "/rule=b"));
        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(List.of("c", "b", "a"), TestModule.ruleNames(gateway, Encoding.JSON));
        answer = putRule("b", "");
        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(List.of("c", "b", "a"), TestModule.ruleNames(gateway, Encoding.JSON),
            "a PUT without insert keeps an entry where it is");
    }

    @Test
    void theOrderIsKeptAcrossARestart() {
        postRule("a", Encoding.JSON, "");
        postRule("b", Encoding.JSON, "?insert=first");
        postTag("x", Encoding.XML, "");
        postTag("y", Encoding.XML, "?insert=first");
        gateway.close();
        gateway = new GatewayHarness(directory, TestModule.CONTEXT);
        assertEquals(List.of("b", "a"), TestModule.ruleNames(gateway, Encoding.JSON));
        assertEquals(List.of("y", "x"), TestModule.tags(gateway, Encoding.XML));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void badInsertionsAreRefusedAndChangeNothing(final Encoding encoding) {
        postRule("a", encoding, "");
        assertRefused(postRule("n", encoding, "?insert=before"), 400, "missing-attribute", encoding);
        assertRefused(postRule("n", encoding, "?insert=first&point=" + point(TOP + "/rule=a")), 400,
            "invalid-value", encoding);
        assertRefused(postRule("n", encoding, "?point=" + point(TOP + "/rule=a")), 400, "invalid-value", encoding);
        assertRefused(postRule("n", encoding, "?insert=middle"), 400, "invalid-value", encoding);
        final HttpResponse<String> absent = postRule("n", encoding, "?insert=after&point=" + point(TOP + "/rule=zz"));
        assertRefused(absent, 400, "bad-attribute", encoding);
        assertTrue(absent.body().contains("missing-instance"), absent.body());
        assertRefused(postRule("n", encoding, "?insert=after&point=" + point(TOP + "/tag=a")), 400, "invalid-value",
            encoding);
        assertRefused(postRule("n", encoding, "?insert=after&point=" + point(TOP + "/nothing=a")), 400,
            "unknown-element", encoding);
        final NormalizedNode plain = ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(TestModule.qname("plain"), TestModule.qname("id"), "p"))
            .withChild(ImmutableNodes.leafNode(TestModule.qname("id"), "p")).build();
        assertRefused(gateway.send("POST", uri(TOP, "?insert=first"), TestModels.body(TestModule.CONTEXT, plain,
            List.of(TestModule.TOP), encoding), "Content-Type", encoding.mediaType(), "Accept", encoding.mediaType()),
            400, "invalid-value", encoding);
        assertRefused(gateway.send("GET", uri(TOP, "?insert=first"), null, "Accept", encoding.mediaType()), 400,
            "invalid-value", encoding);
        assertEquals(List.of("a"), TestModule.ruleNames(gateway, encoding));
        assertEquals(404, gateway.get(TOP + "/plain=p", encoding).statusCode());
    }

    private static void assertRefused(final HttpResponse<String> answer, final int status, final String tag,
            final Encoding encoding) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(tag), answer.body());
        assertEquals(encoding.mediaType(), answer.headers().firstValue("Content-Type").orElseThrow());
    }

    private static String point(final String apiPath) {
        return URLEncoder.encode(apiPath, StandardCharsets.UTF_8);
    }

    private URI uri(final String apiPath, final String query) {
        return URI.create(gateway.data(apiPath) + query);
    }

    private HttpResponse<String> postRule(final String name, final Encoding encoding, final String query) {
        return gateway.send("POST", uri(TOP, query), TestModels.body(TestModule.CONTEXT, TestModule.rule(name),
            List.of(TestModule.TOP), encoding), "Content-Type", encoding.mediaType(), "Accept", encoding.mediaType());
    }

    private HttpResponse<String> postTag(final String value, final Encoding encoding, final String query) {
        return gateway.send("POST", uri(TOP, query), TestModels.body(TestModule.CONTEXT, TestModule.tag(value),
            List.of(TestModule.TOP), encoding), "Content-Type", encoding.mediaType(), "Accept", encoding.mediaType());
    }

    private HttpResponse<String> putRule(final String name, final String query) {
        return gateway.send("PUT", uri(TOP + "/rule=" + name, query), TestModels.body(TestModule.CONTEXT,
            TestModule.rule(name), List.of(TestModule.TOP), Encoding.JSON), "Content-Type", Encoding.JSON.mediaType());
    }
}
