package org.sdqkd.qkd.node.impl.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@DisplayName("issue 16: decentralised link-state routing")
class LinkStateRouterTest {
    private static final Logger LOG = LoggerFactory.getLogger(LinkStateRouterTest.class);
    private static final int LIMIT = 5_000;

    @Test
    void ringOfFourConverges() {
        final RoutingSimulation sim = RoutingSimulation.ring(4);
        final long ms = sim.runUntil(sim::converged, LIMIT);
        LOG.info("ring of 4 converged after {} ms simulated, {} messages", ms, sim.delivered);
        assertTrue(ms > 0 && ms < 20, "converged after " + ms + " ms");
        final Route across = sim.router(0).table().to(sim.node(2)).orElseThrow();
        assertEquals(2, across.hops());
        assertEquals(2L * LinkMetric.FULL, across.metric());
        assertEquals(3, sim.router(0).table().routes().size());
    }

    @Test
    void ringOfSixConvergesAndAvoidsTheEmptierSide() {
        final RoutingSimulation sim = RoutingSimulation.ring(6);
        sim.link(0, 1, LinkMetric.ofFill(10, 100));
        final long ms = sim.runUntil(sim::converged, LIMIT);
        LOG.info("ring of 6 converged after {} ms simulated, {} messages", ms, sim.delivered);
        assertTrue(ms > 0 && ms < 20, "converged after " + ms + " ms");
        final Route toThree = sim.router(0).table().to(sim.node(3)).orElseThrow();
        assertEquals(List.of(sim.node(0), sim.node(5), sim.node(4), sim.node(3)), toThree.path());
        assertEquals(sim.node(5), toThree.nextHop());
        final Route toOne = sim.router(0).table().to(sim.node(1)).orElseThrow();
        assertEquals(5, toOne.hops(), "five full links cost less than one nearly empty link");
        assertEquals(5L * LinkMetric.FULL, toOne.metric());
    }

    @Test
    void aLinkGoingDownReroutesAtOnce() {
        final RoutingSimulation sim = RoutingSimulation.ring(4);
        assertTrue(sim.runUntil(sim::converged, LIMIT) > 0);
        assertEquals(sim.node(1), sim.router(0).table().to(sim.node(1)).orElseThrow().nextHop());
        sim.changes.clear();
        sim.link(0, 1, LinkMetric.INFINITE);
        final long ms = sim.runUntil(sim::converged, LIMIT);
        LOG.info("link down: every node rerouted after {} ms simulated", ms);
        assertTrue(ms >= 0 && ms < 10, "rerouted after " + ms + " ms");
        final Route around = sim.router(0).table().to(sim.node(1)).orElseThrow();
        assertEquals(List.of(sim.node(0), sim.node(3), sim.node(2), sim.node(1)), around.path());
        assertTrue(sim.changes.stream().anyMatch(c -> c.current().equals(sim.router(0).table())
            && c.changed().contains(sim.node(1))), "node 0 raised a route change for node 1");
    }

    @Test
    void aSilentNeighbourIsDeadAfterTheDeadInterval() {
        final RoutingSimulation sim = RoutingSimulation.ring(4);
        assertTrue(sim.runUntil(sim::converged, LIMIT) > 0);
        sim.cut(0, 1, true);
        final long ms = sim.runUntil(sim::converged, LIMIT);
        LOG.info("silent channel loss: every node rerouted after {} ms simulated", ms);
        final long dead = RoutingSettings.defaults().deadInterval().toMillis();
        assertTrue(ms >= dead - RoutingSettings.defaults().helloInterval().toMillis() && ms <= dead + 10,
            "rerouted after " + ms + " ms");
        assertEquals(sim.node(3), sim.router(0).table().to(sim.node(1)).orElseThrow().nextHop());
    }

    @Test
    void partitionAndHeal() {
        final RoutingSimulation sim = RoutingSimulation.ring(4);
        assertTrue(sim.runUntil(sim::converged, LIMIT) > 0);
        sim.cut(0, 1, true);
        sim.cut(2, 3, true);
        final long split = sim.runUntil(sim::converged, LIMIT);
        assertTrue(split > 0, "the two halves converged");
        assertEquals(1, sim.router(0).table().routes().size(), "node 0 reaches only node 3");
        assertFalse(sim.router(0).table().to(sim.node(1)).isPresent());
        assertFalse(sim.router(1).table().to(sim.node(3)).isPresent());
        sim.cut(0, 1, false);
        sim.cut(2, 3, false);
        final long healed = sim.runUntil(sim::converged, LIMIT);
        LOG.info("partition detected after {} ms, healed after {} ms simulated", split, healed);
        assertTrue(healed > 0 && healed <= RoutingSettings.defaults().helloInterval().toMillis() + 10,
            "healed after " + healed + " ms");
        assertEquals(3, sim.router(0).table().routes().size());
    }

    @Test
    void replayedAndOlderAdvertisementsAreDropped() {
        final RoutingSimulation sim = RoutingSimulation.ring(4);
        assertTrue(sim.runUntil(sim::converged, LIMIT) > 0);
        final LinkStateRouter zero = sim.router(0);
        final UUID two = sim.node(2);
        sim.runUntil(() -> false, 50);
        final RoutingTable before = zero.table();
        final long flooded = sim.advertisementsDelivered;
        final RoutingMessage.Advertisement held = zero.advertisement(two).orElseThrow();
        assertEquals(Reception.Kind.DUPLICATE, zero.receive(sim.node(1), RoutingCodec.encode(held)).kind());
        final RoutingMessage.Advertisement forged = new RoutingMessage.Advertisement(two, held.sequence() - 1, 0,
            List.of());
        assertEquals(Reception.Kind.OLDER, zero.receive(sim.node(1), RoutingCodec.encode(forged)).kind());
        sim.step();
        sim.step();
        assertEquals(before, zero.table());
        assertEquals(flooded, sim.advertisementsDelivered, "nothing re-flooded");
        final RoutingMessage.Advertisement newer = new RoutingMessage.Advertisement(two, held.sequence() + 1, 0,
            List.of());
        assertEquals(Reception.Kind.NEWER, zero.receive(sim.node(1), RoutingCodec.encode(newer)).kind());
        assertFalse(zero.table().to(two).isPresent(), "node 2 advertising no neighbour is unreachable");
    }

    @Test
    void refusesMalformedAndForeignMessagesWithoutChange() {
        final RoutingSimulation sim = RoutingSimulation.ring(4);
        assertTrue(sim.runUntil(sim::converged, LIMIT) > 0);
        final LinkStateRouter zero = sim.router(0);
        final RoutingTable before = zero.table();
        final Reception garbage = zero.receive(sim.node(1), new byte[] {1, 9, 0});
        assertEquals(Reception.Kind.REFUSED, garbage.kind());
        assertEquals("unknown message type 9", garbage.reason());
        final Reception stranger = zero.receive(sim.node(2),
            RoutingCodec.encode(new RoutingMessage.Hello(sim.node(2))));
        assertEquals("node " + sim.node(2) + " is not at the end of any link of this node", stranger.reason());
        final Reception impostor = zero.receive(sim.node(1),
            RoutingCodec.encode(new RoutingMessage.Hello(sim.node(3))));
        assertEquals(Reception.Kind.REFUSED, impostor.kind());
        assertEquals(3, zero.refused());
        assertEquals(before, zero.table());
    }

    @Test
    void aRestartedRouterOutnumbersItsOldAdvertisement() {
        final RoutingSimulation sim = RoutingSimulation.ring(4);
        assertTrue(sim.runUntil(sim::converged, LIMIT) > 0);
        final long old = sim.router(1).advertisement(sim.node(0)).orElseThrow().sequence();
        final LinkStateRouter zero = sim.router(0);
        final RoutingMessage.Advertisement stale = new RoutingMessage.Advertisement(zero.self(), old + 5, 0,
            List.of());
        assertEquals(Reception.Kind.NEWER, zero.receive(sim.node(1), RoutingCodec.encode(stale)).kind());
        assertTrue(sim.runUntil(() -> sim.router(2).advertisement(sim.node(0)).orElseThrow().sequence() == old + 6,
            LIMIT) > 0, "node 0 re-originated above its stale sequence");
        assertTrue(sim.runUntil(sim::converged, LIMIT) > 0);
    }
}
