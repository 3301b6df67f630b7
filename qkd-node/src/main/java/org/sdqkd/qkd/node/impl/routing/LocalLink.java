package org.sdqkd.qkd.node.impl.routing;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * One QKD link of this node as the router sees it.
 *
 * @param linkId    {@code qkdl_id}
 * @param neighbour the node at the other end ({@code qkdn_id})
 * @param metric    the link's metric now ({@link LinkMetric}); {@link LinkMetric#INFINITE} when unusable
 */
public record LocalLink(UUID linkId, UUID neighbour, int metric) {
    /** Checks the components. */
    public LocalLink {
        requireNonNull(linkId);
        requireNonNull(neighbour);
        if (metric < 1) {
            throw new IllegalArgumentException("metric " + metric + " below 1");
        }
    }
}
