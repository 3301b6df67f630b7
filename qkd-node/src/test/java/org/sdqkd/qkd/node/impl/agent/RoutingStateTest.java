package org.sdqkd.qkd.node.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.REMOTE;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.SELF;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.await;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.entry;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.text;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.impl.routing.LinkMetric;
import org.sdqkd.qkd.node.impl.routing.LinkStateRouter;
import org.sdqkd.qkd.node.impl.routing.RoutingCodec;
import org.sdqkd.qkd.node.impl.routing.RoutingMessage;
import org.sdqkd.qkd.node.impl.routing.RoutingSettings;
import org.w3c.dom.Element;

/** The bridge reports an attached router's table and link metrics as operational data, and its route changes. */
@Timeout(60)
@DisplayName("issue 16: routing state and route-changed")
class RoutingStateTest {
    private static final UUID LINK = UUID.fromString("5e0c7a4e-0b7d-4a51-9b7e-2f8f1c7d9a10");
    private static final String ROUTING = "urn:sdqkd:yang:sdqkd-routing";

    @TempDir
    Path dir;
    private AgentHarness node;

    @BeforeEach
    void start() throws Exception {
        node = AgentHarness.start(dir);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void theTableAndLinkMetricsAreOperationalDataAndAChangeIsNotified() throws Exception {
        final List<byte[]> sent = new CopyOnWriteArrayList<>();
        final LinkStateRouter router = new LinkStateRouter(SELF, RoutingSettings.defaults(),
            InstantSource.system(), (neighbour, bytes) -> sent.add(bytes));
        node.edit(NodeAgentTest.INTERFACE + NodeAgentTest.physLink(LINK, NodeAgentTest.LISTEN_FIXED));
        node.bridge.attachRouter(router);
        node.plane.script(LINK).storedKeys = 50_000;
        node.bridge.refreshNow();
        final int metric = LinkMetric.ofFill(50_000, 100_000);
        assertEquals(List.of(new org.sdqkd.qkd.node.impl.routing.LocalLink(LINK, REMOTE, metric)), router.links());

        router.receive(REMOTE, RoutingCodec.encode(new RoutingMessage.Hello(REMOTE)));
        router.receive(REMOTE, RoutingCodec.encode(new RoutingMessage.Advertisement(REMOTE, 1, 0,
            List.of(new RoutingMessage.Adjacency(SELF, 20)))));
        final Element event = node.awaitNotification("route-changed",
            e -> text(e, "destination").equals(Optional.of(REMOTE.toString())));
        assertEquals(Optional.of("true"), text(event, "reachable"));
        assertEquals(Optional.of(String.valueOf(metric)), text(event, "metric"));
        assertTrue(sent.stream().map(RoutingCodec::decode).anyMatch(d -> d instanceof RoutingCodec.Decoded.Accepted a
            && a.message() instanceof RoutingMessage.Advertisement lsa && lsa.origin().equals(SELF)
            && lsa.adjacencies().equals(List.of(new RoutingMessage.Adjacency(REMOTE, metric)))),
            "the node advertised its link to the neighbour");

        node.bridge.refreshNow();
        final Element qkdNode = node.getQkdNode();
        final Element routing = AgentHarness.child(qkdNode, "routing");
        assertEquals(ROUTING, routing.getNamespaceURI());
        final Element route = entry(routing, "route", "destination", REMOTE.toString());
        assertEquals(Optional.of(REMOTE.toString()), text(route, "next-hop"));
        assertEquals(Optional.of(String.valueOf(metric)), text(route, "metric"));
        final Element link = entry(routing, "link-metric", "qkdl_id", LINK.toString());
        assertEquals(Optional.of(String.valueOf(metric)), text(link, "metric"));
        assertEquals(Optional.of("true"), text(link, "usable"));

        node.edit("<qkd_links><qkd_link><qkdl_id>" + LINK + "</qkdl_id><sn:emulation><sn:fault>link-down"
            + "</sn:fault></sn:emulation></qkd_link></qkd_links>");
        node.awaitNotification("route-changed", e -> text(e, "reachable").equals(Optional.of("false")));
        await(() -> {
            try {
                final Element after = AgentHarness.child(node.getQkdNode(), "routing");
                return text(entry(after, "link-metric", "qkdl_id", LINK.toString()), "usable")
                    .equals(Optional.of("false"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the link reported unusable");
    }
}
