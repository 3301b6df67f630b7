package org.sdqkd.qkd.node.impl.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/**
 * The best path from this node to another.
 *
 * @param destination the destination node
 * @param nextHop     the neighbour the path goes through first
 * @param metric      the sum of the metrics of the path's links
 * @param path        the nodes of the path, this node first and the destination last
 */
public record Route(UUID destination, UUID nextHop, long metric, List<UUID> path) {
    /** Checks the components. */
    public Route {
        requireNonNull(destination);
        requireNonNull(nextHop);
        path = List.copyOf(path);
        if (path.size() < 2 || !path.get(1).equals(nextHop) || !path.getLast().equals(destination)) {
            throw new IllegalArgumentException("path " + path + " does not lead through " + nextHop + " to "
                + destination);
        }
        if (metric < 1) {
            throw new IllegalArgumentException("metric " + metric + " below 1");
        }
    }

    /**
     * The number of links on the path.
     *
     * @return hops, at least 1
     */
    public int hops() {
        return path.size() - 1;
    }
}
