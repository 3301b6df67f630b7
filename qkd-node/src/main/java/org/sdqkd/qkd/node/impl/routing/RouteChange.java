package org.sdqkd.qkd.node.impl.routing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The routing table changed.
 *
 * @param at       when (the router's clock)
 * @param previous the table before
 * @param current  the table now
 * @param changed  the destinations whose route was added, removed or changed
 */
public record RouteChange(Instant at, RoutingTable previous, RoutingTable current, Set<UUID> changed) {
    /** Checks the components. */
    public RouteChange {
        requireNonNull(at);
        requireNonNull(previous);
        requireNonNull(current);
        changed = Set.copyOf(changed);
    }
}
