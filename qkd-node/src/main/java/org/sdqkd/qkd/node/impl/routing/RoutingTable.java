package org.sdqkd.qkd.node.impl.routing;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A node's routes: one per reachable destination.
 *
 * @param routes the routes by destination
 */
public record RoutingTable(Map<UUID, Route> routes) {
    /** An empty table. */
    public static final RoutingTable EMPTY = new RoutingTable(Map.of());

    /** Copies the map. */
    public RoutingTable {
        routes = Map.copyOf(routes);
    }

    /**
     * The route to a destination.
     *
     * @param destination the node
     * @return its route, empty when it is unreachable
     */
    public Optional<Route> to(final UUID destination) {
        return Optional.ofNullable(routes.get(destination));
    }

    /**
     * The destinations whose route differs between two tables (added, removed or changed).
     *
     * @param other the other table
     * @return those destinations
     */
    public Set<UUID> differences(final RoutingTable other) {
        final Set<UUID> all = new HashSet<>(routes.keySet());
        all.addAll(other.routes.keySet());
        all.removeIf(destination -> Objects.equals(routes.get(destination), other.routes.get(destination)));
        return Set.copyOf(all);
    }
}
