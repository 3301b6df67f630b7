package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void yangPatchInsertsAndMovesEntries(final Encoding encoding) {
        postRule("a", encoding, "");
        postRule("b", encoding, "");
        HttpResponse<String> answer = yangPatch(encoding,
            edit(encoding, "e1", "insert", "/rule=c", "first", null, "c"),
            edit(encoding, "e2", "insert", "/rule=d", "after", "/rule=a", "d"),
            edit(encoding, "e3", "move", "/rule=b", "before", "/rule=c", null),
            edit(encoding, "e4", "insert", "/rule=e", null, null, "e"));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(List.of("b", "c", "a", "d", "e"), TestModule.ruleNames(gateway, encoding));
        answer = yangPatch(encoding, edit(encoding, "e1", "move", "/rule=e", "first", null, null),
            edit(encoding, "e2", "insert", "/rule=a", "last", null, "a"));
        assertEquals(409, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("data-exists"), answer.body());
        answer = yangPatch(encoding, edit(encoding, "e1", "move", "/rule=zz", "first", null, null));
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("data-missing"), answer.body());
        answer = yangPatch(encoding, edit(encoding, "e1", "move", "/rule=a", "after", "/rule=zz", null));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("bad-attribute"), answer.body());
        answer = yangPatch(encoding, edit(encoding, "e1", "move", "/rule=a", "before", null, null));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("missing-attribute"), answer.body());
        answer = yangPatch(encoding, edit(encoding, "e1", "merge", "/rule=a", "first", null, "a"));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("invalid-value"), answer.body());
        assertEquals(List.of("b", "c", "a", "d", "e"), TestModule.ruleNames(gateway, encoding), "nothing moved");
    }

    /** One edit of a YANG Patch on {@code top}, in an encoding; null parts are left out. */
    private static String edit(final Encoding encoding, final String id, final String operation, final String target,
            final String where, final String point, final String rule) {
        final String value = rule == null ? null : new String(TestModels.body(TestModule.CONTEXT,
            TestModule.rule(rule), List.of(TestModule.TOP), encoding), StandardCharsets.UTF_8)
            .replaceFirst("^<\\?xml[^>]*\\?>", "");
        if (encoding == Encoding.JSON) {
            final JsonObject edit = new JsonObject();
            edit.addProperty("edit-id", id);
            edit.addProperty("operation", operation);
            edit.addProperty("target", target);
            if (where != null) {
                edit.addProperty("where", where);
            }
            if (point != null) {
                edit.addProperty("point", point);
            }
            if (value != null) {
                edit.add("value", JsonParser.parseString(value));
            }
            return edit.toString();
        }
        return "<edit><edit-id>" + id + "</edit-id><operation>" + operation + "</operation><target>" + target
            + "</target>" + (where == null ? "" : "<where>" + where + "</where>")
            + (point == null ? "" : "<point>" + point + "</point>")
            + (value == null ? "" : "<value>" + value + "</value>") + "</edit>";
    }

    private HttpResponse<String> yangPatch(final Encoding encoding, final String... edits) {
        final String body = encoding == Encoding.JSON
            ? "{\"ietf-yang-patch:yang-patch\":{\"patch-id\":\"p\",\"edit\":[" + String.join(",", edits) + "]}}"
            : "<yang-patch xmlns=\"" + YangPatchReader.NAMESPACE + "\"><patch-id>p</patch-id>" + String.join("", edits)
                + "</yang-patch>";
        return gateway.send("PATCH", gateway.data(TOP), body.getBytes(StandardCharsets.UTF_8), "Content-Type",
            encoding == Encoding.JSON ? YangPatchResource.JSON_TYPE : YangPatchResource.XML_TYPE, "Accept",
            encoding.mediaType());
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
