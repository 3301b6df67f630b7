package org.sdqkd.qkd.node.impl.relay;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * A relayed association's path as configured on a node (central routing: an ETSI GS QKD 015 {@code VIRT} link,
 * its {@code qkdl_id} the association, {@code virt_prev_hop}/{@code virt_next_hop} around this node).
 *
 * @param association the association (the VIRT link's {@code qkdl_id})
 * @param path        the node IDs from the source to the destination, at least two, none twice
 */
public record RelayRoute(UUID association, List<UUID> path) {
    /** The most nodes a path may name. */
    public static final int MAX_NODES = 16;

    /** Checks the path. */
    public RelayRoute {
        path = List.copyOf(path);
        if (path.size() < 2 || path.size() > MAX_NODES) {
            throw new IllegalArgumentException("a relay path has 2.." + MAX_NODES + " nodes, not " + path.size());
        }
        if (new HashSet<>(path).size() != path.size()) {
            throw new IllegalArgumentException("a relay path names a node twice: " + path);
        }
    }

    /** The source node. */
    public UUID source() {
        return path.getFirst();
    }

    /** The destination node. */
    public UUID destination() {
        return path.getLast();
    }
}
