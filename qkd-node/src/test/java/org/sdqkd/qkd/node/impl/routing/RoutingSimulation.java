package org.sdqkd.qkd.node.impl.routing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Routers joined by in-memory channels on one controllable clock. Each step advances the clock by one millisecond,
 * delivers every message sent during the previous step (one millisecond of latency) unless its channel is cut, and
 * ticks every router.
 */
final class RoutingSimulation {
    static final Duration STEP = Duration.ofMillis(1);

    final ManualClock clock = new ManualClock();
    final List<UUID> nodes = new ArrayList<>();
    final Map<UUID, LinkStateRouter> routers = new HashMap<>();
    final List<RouteChange> changes = new ArrayList<>();
    private final Map<Set<UUID>, UUID> linkIds = new HashMap<>();
    private final Map<Set<UUID>, Integer> metrics = new HashMap<>();
    private final Set<Set<UUID>> cut = new HashSet<>();
    private final Queue<Envelope> inFlight = new ArrayDeque<>();
    long delivered;
    long advertisementsDelivered;
    long steps;

    RoutingSimulation(final int count, final RoutingSettings settings) {
        for (int i = 0; i < count; i++) {
            final UUID id = new UUID(0x5d9c, i + 1);
            nodes.add(id);
            final LinkStateRouter router = new LinkStateRouter(id, settings, clock,
                (neighbour, bytes) -> inFlight.add(new Envelope(id, neighbour, bytes)));
            router.addListener(changes::add);
            routers.put(id, router);
        }
    }

    static RoutingSimulation ring(final int count) {
        final RoutingSimulation sim = new RoutingSimulation(count, RoutingSettings.defaults());
        for (int i = 0; i < count; i++) {
            sim.link(i, (i + 1) % count, LinkMetric.FULL);
        }
        return sim;
    }

    UUID node(final int index) {
        return nodes.get(index);
    }

    LinkStateRouter router(final int index) {
        return routers.get(node(index));
    }

    /** Adds or changes the link between two nodes; both ends learn its metric at once, as from their key plane. */
    void link(final int a, final int b, final int metric) {
        final Set<UUID> pair = Set.of(node(a), node(b));
        linkIds.computeIfAbsent(pair, p -> UUID.randomUUID());
        metrics.put(pair, metric);
        giveLinks(node(a));
        giveLinks(node(b));
    }

    /** Cuts (or restores) the classical channel between two nodes silently: no end learns it but by the hellos. */
    void cut(final int a, final int b, final boolean isCut) {
        if (isCut) {
            cut.add(Set.of(node(a), node(b)));
        } else {
            cut.remove(Set.of(node(a), node(b)));
        }
    }

    void step() {
        clock.advance(STEP);
        steps++;
        final List<Envelope> now = new ArrayList<>(inFlight);
        inFlight.clear();
        for (Envelope envelope : now) {
            if (!cut.contains(Set.of(envelope.from, envelope.to))) {
                delivered++;
                if (envelope.bytes.length > 1 && envelope.bytes[1] == 2) {
                    advertisementsDelivered++;
                }
                routers.get(envelope.to).receive(envelope.from, envelope.bytes);
            }
        }
        routers.values().forEach(LinkStateRouter::tick);
    }

    /** Steps until the condition holds; returns the steps taken (simulated milliseconds), or -1 after the limit. */
    long runUntil(final BooleanSupplier condition, final int maxSteps) {
        for (int i = 1; i <= maxSteps; i++) {
            step();
            if (condition.getAsBoolean()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every router's table is the one computed from the true links (usable and not cut). */
    boolean converged() {
        final Map<UUID, List<RoutingMessage.Adjacency>> truth = new HashMap<>();
        nodes.forEach(n -> truth.put(n, new ArrayList<>()));
        metrics.forEach((pair, metric) -> {
            if (LinkMetric.usable(metric) && !cut.contains(pair)) {
                final List<UUID> ends = List.copyOf(pair);
                truth.get(ends.get(0)).add(new RoutingMessage.Adjacency(ends.get(1), metric));
                truth.get(ends.get(1)).add(new RoutingMessage.Adjacency(ends.get(0), metric));
            }
        });
        for (UUID node : nodes) {
            if (!routers.get(node).table().equals(ShortestPaths.compute(node, truth))) {
                return false;
            }
        }
        return true;
    }

    private void giveLinks(final UUID node) {
        final List<LocalLink> links = new ArrayList<>();
        metrics.forEach((pair, metric) -> {
            if (pair.contains(node)) {
                final UUID other = pair.stream().filter(n -> !n.equals(node)).findFirst().orElseThrow();
                links.add(new LocalLink(linkIds.get(pair), other, metric));
            }
        });
        routers.get(node).updateLinks(links);
    }

    private record Envelope(UUID from, UUID to, byte[] bytes) {
    }
}
