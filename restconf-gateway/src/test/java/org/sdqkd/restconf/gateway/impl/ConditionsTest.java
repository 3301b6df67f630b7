package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;

/**
 * Entity-tags, Last-Modified and the conditional headers of RFC 7232 on data resources (RFC 8040 sections 3.4.1,
 * 3.5.2), and the lost-update guarantee they give concurrent clients.
 */
final class ConditionsTest {
    private static final Uuid APP = new Uuid("df4df2b2-eea8-4875-88bb-13d5deacf5f0");
    private static final List<org.opendaylight.yangtools.yang.common.QName> APP_PARENT =
        List.of(QkdNode.QNAME, QkdApplications.QNAME);

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        gateway = new GatewayHarness(directory);
        final NormalizedNode node = TestModels.normalized(TestModels.QKD_NODE,
            TestModels.node("rack", TestModels.app(APP, 0)));
        assertEquals(201, gateway.edit("PUT", TestModels.nodePath(), TestModels.body(node, List.of(), Encoding.JSON),
            Encoding.JSON).statusCode());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void everyDataResourceHasAnEntityTagThatFollowsItsContent() {
        final HttpResponse<String> json = gateway.get(TestModels.appPath(APP), Encoding.JSON);
        final HttpResponse<String> xml = gateway.get(TestModels.appPath(APP), Encoding.XML);
        final String tag = json.headers().firstValue("ETag").orElseThrow();
        assertEquals(tag, xml.headers().firstValue("ETag").orElseThrow(), "the tag is the resource's, not the text's");
        assertTrue(json.headers().firstValue("Last-Modified").isPresent());
        final String nodeTag = gateway.get(TestModels.nodePath(), Encoding.JSON).headers().firstValue("ETag")
            .orElseThrow();
        final String rootTag = gateway.get("", Encoding.JSON).headers().firstValue("ETag").orElseThrow();

        final HttpResponse<String> put = put(1, null);
        assertEquals(204, put.statusCode(), put.body());
        final String newTag = gateway.get(TestModels.appPath(APP), Encoding.JSON).headers().firstValue("ETag")
            .orElseThrow();
        assertNotEquals(tag, newTag);
        assertEquals(newTag, put.headers().firstValue("ETag").orElseThrow(), "a PUT answers the new tag");
        assertNotEquals(nodeTag, gateway.get(TestModels.nodePath(), Encoding.JSON).headers().firstValue("ETag")
            .orElseThrow(), "an ancestor's tag changes with its descendants");
        assertNotEquals(rootTag, gateway.get("", Encoding.JSON).headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void ifMatchWithAnOldTagIs412AndChangesNothing() {
        final String tag = gateway.get(TestModels.appPath(APP), Encoding.JSON).headers().firstValue("ETag")
            .orElseThrow();
        assertEquals(204, put(1, tag).statusCode());
        final HttpResponse<String> stale = put(2, tag);
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(1, priority());
        final HttpResponse<String> delete = gateway.send("DELETE", gateway.data(TestModels.appPath(APP)), null,
            "If-Match", tag);
        assertEquals(412, delete.statusCode());
        assertEquals(204, put(3, "*").statusCode(), "If-Match: * holds for any existing resource");
    }

    @Test
    void ifNoneMatchStarMakesPutCreateOnly() {
        assertEquals(412, put(4, null, "If-None-Match", "*").statusCode());
        assertEquals(0, priority());
    }

    @Test
    void getWithTheCurrentTagOrDateIsNotModified() {
        final HttpResponse<String> first = gateway.get(TestModels.appPath(APP), Encoding.JSON);
        final String tag = first.headers().firstValue("ETag").orElseThrow();
        final String date = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = gateway.get(TestModels.appPath(APP), Encoding.JSON, "If-None-Match", tag);
        assertEquals(304, again.statusCode());
        assertEquals(tag, again.headers().firstValue("ETag").orElseThrow());
        again = gateway.get(TestModels.appPath(APP), Encoding.JSON, "If-Modified-Since", date);
        assertEquals(304, again.statusCode());
        again = gateway.get(TestModels.appPath(APP), Encoding.JSON, "If-None-Match", "\"other\"");
        assertEquals(200, again.statusCode());
    }

    @Test
    void aChangeOfStateOrOfRunningByAnotherWriterMovesLastModified() throws Exception {
        final String date = gateway.get(TestModels.nodePath(), Encoding.JSON).headers().firstValue("Last-Modified")
            .orElseThrow();
        // HTTP dates have whole seconds: the change must fall in a later second to be seen
        Thread.sleep(1100);
        try (DataTransaction tx = gateway.datastores().newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
            tx.merge(TestModels.path(TestModels.QKD_NODE), TestModels.normalized(TestModels.QKD_NODE,
                new QkdNodeBuilder().setQkdnId(TestModels.NODE_ID).setQkdnStatus(OPERATING.VALUE).build()));
            tx.commit();
        }
        HttpResponse<String> answer = gateway.get(TestModels.nodePath(), Encoding.JSON, "If-Modified-Since", date);
        for (int i = 0; i < 50 && answer.statusCode() == 304; i++) {
            // the datastore tells its listeners on its notification thread, just after the commit
            Thread.sleep(20);
            answer = gateway.get(TestModels.nodePath(), Encoding.JSON, "If-Modified-Since", date);
        }
        assertEquals(200, answer.statusCode(), "the state changed since " + date);
        assertNotEquals(date, answer.headers().firstValue("Last-Modified").orElseThrow());
        assertEquals(204, put(7, null, "If-Unmodified-Since", date).statusCode(),
            "a change of state is no change of the configuration an edit is conditioned on");
    }

    @Test
    void ifUnmodifiedSinceBeforeTheLastChangeIs412() {
        final String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
            Instant.now().minusSeconds(3600).atOffset(ZoneOffset.UTC));
        assertEquals(412, put(5, null, "If-Unmodified-Since", past).statusCode());
        final String future = DateTimeFormatter.RFC_1123_DATE_TIME.format(
            Instant.now().plusSeconds(3600).atOffset(ZoneOffset.UTC));
        assertEquals(204, put(6, null, "If-Unmodified-Since", future).statusCode());
        assertEquals(6, priority());
    }

    /**
     * Eight clients each add their own values to one application's leaf-list: read, then PUT with If-Match; on
     * 412 they read again and retry. No value acknowledged with 204 may be lost, and every refusal is a 412.
     */
    @Test
    void eightClientsWithIfMatchNeverLoseAnUpdate() throws Exception {
        final int clients = 8;
        final int perClient = 5;
        final AtomicInteger conflicts = new AtomicInteger();
        final Set<Integer> otherStatuses = ConcurrentHashMap.newKeySet();
        final ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            final List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                final int client = c;
                results.add(pool.submit(() -> {
                    final List<String> added = new ArrayList<>();
                    for (int n = 0; n < perClient; n++) {
                        final String value = "urn:sdqkd:sae:client-" + client + "-" + n;
                        while (true) {
                            final HttpResponse<String> read = gateway.get(TestModels.appPath(APP), Encoding.JSON);
                            final MapEntryNode current = entry(read);
                            final List<String> values = new ArrayList<>(clients(current));
                            values.add(value);
                            final HttpResponse<String> write = gateway.edit("PUT", TestModels.appPath(APP),
                                TestModels.body(TestModels.normalizedApp(TestModels.app(APP, 0,
                                    values.toArray(String[]::new))), APP_PARENT, Encoding.JSON), Encoding.JSON,
                                "If-Match", read.headers().firstValue("ETag").orElseThrow());
                            if (write.statusCode() == 204) {
                                added.add(value);
                                break;
                            }
                            if (write.statusCode() == 412) {
                                conflicts.incrementAndGet();
                            } else {
                                otherStatuses.add(write.statusCode());
                                break;
                            }
                        }
                    }
                    return added;
                }));
            }
            final List<String> acknowledged = new ArrayList<>();
            for (Future<List<String>> result : results) {
                acknowledged.addAll(result.get());
            }
            assertEquals(Set.of(), otherStatuses, "every refusal is a 412");
            assertEquals(clients * perClient, acknowledged.size());
            final List<String> stored = new ArrayList<>(clients(entry(gateway.get(TestModels.appPath(APP),
                Encoding.JSON))));
            Collections.sort(stored);
            Collections.sort(acknowledged);
            assertEquals(acknowledged, stored, "every acknowledged update is there; conflicts: " + conflicts.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> put(final long priority, final String ifMatch, final String... headers) {
        final byte[] body = TestModels.body(TestModels.normalizedApp(TestModels.app(APP, priority)), APP_PARENT,
            Encoding.JSON);
        final List<String> all = new ArrayList<>(List.of(headers));
        if (ifMatch != null) {
            all.add("If-Match");
            all.add(ifMatch);
        }
        return gateway.edit("PUT", TestModels.appPath(APP), body, Encoding.JSON, all.toArray(String[]::new));
    }

    private long priority() {
        return TestModels.decodeApp(entry(gateway.get(TestModels.appPath(APP), Encoding.JSON))).getAppPriority()
            .longValue();
    }

    private static MapEntryNode entry(final HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        final NormalizedNode parsed = TestModels.parse(answer.body(), List.of(QkdNode.QNAME, QkdApplications.QNAME,
            QkdApp.QNAME), Encoding.JSON);
        return (MapEntryNode) (parsed instanceof MapNode map ? map.body().iterator().next() : parsed);
    }

    private static List<String> clients(final MapEntryNode entry) {
        final Set<Uri> values = TestModels.decodeApp(entry).getClientAppId();
        return values == null ? List.of() : values.stream().map(Uri::getValue).toList();
    }
}
