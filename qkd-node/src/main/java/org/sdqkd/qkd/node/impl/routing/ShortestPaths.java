package org.sdqkd.qkd.node.impl.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * Dijkstra's shortest paths over the advertised adjacencies. An adjacency counts only when both ends advertise
 * each other (the two-way check), with the metric its origin gives; ties go to the lower node id, so that every
 * run over the same data gives the same table.
 */
final class ShortestPaths {
    private ShortestPaths() {
    }

    /**
     * Computes the routing table of {@code self}.
     *
     * @param self        this node
     * @param adjacencies each origin's advertised adjacencies ({@code self}'s own included)
     * @return the table
     */
    static RoutingTable compute(final UUID self, final Map<UUID, List<RoutingMessage.Adjacency>> adjacencies) {
        final Map<UUID, Long> distance = new HashMap<>();
        final Map<UUID, UUID> previous = new HashMap<>();
        final PriorityQueue<Candidate> queue = new PriorityQueue<>(
            Comparator.comparingLong(Candidate::distance).thenComparing(Candidate::node));
        distance.put(self, 0L);
        queue.add(new Candidate(self, 0L));
        while (!queue.isEmpty()) {
            final Candidate next = queue.poll();
            if (next.distance > distance.get(next.node)) {
                continue;
            }
            for (RoutingMessage.Adjacency edge : adjacencies.getOrDefault(next.node, List.of())) {
                if (!twoWay(adjacencies, edge.neighbour(), next.node)) {
                    continue;
                }
                final long through = next.distance + edge.metric();
                final Long known = distance.get(edge.neighbour());
                if (known == null || through < known
                        || through == known && next.node.compareTo(previous.get(edge.neighbour())) < 0) {
                    distance.put(edge.neighbour(), through);
                    previous.put(edge.neighbour(), next.node);
                    queue.add(new Candidate(edge.neighbour(), through));
                }
            }
        }
        final Map<UUID, Route> routes = new HashMap<>();
        for (Map.Entry<UUID, UUID> entry : previous.entrySet()) {
            final List<UUID> path = new ArrayList<>();
            for (UUID node = entry.getKey(); node != null; node = previous.get(node)) {
                path.add(node);
            }
            Collections.reverse(path);
            routes.put(entry.getKey(), new Route(entry.getKey(), path.get(1), distance.get(entry.getKey()), path));
        }
        return new RoutingTable(routes);
    }

    private static boolean twoWay(final Map<UUID, List<RoutingMessage.Adjacency>> adjacencies, final UUID from,
            final UUID to) {
        return adjacencies.getOrDefault(from, List.of()).stream().anyMatch(a -> a.neighbour().equals(to));
    }

    private record Candidate(UUID node, long distance) {
    }
}
