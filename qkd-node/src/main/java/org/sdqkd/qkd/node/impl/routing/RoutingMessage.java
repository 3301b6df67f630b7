package org.sdqkd.qkd.node.impl.routing;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The messages of the link-state protocol. */
public sealed interface RoutingMessage {
    /**
     * The node that sent or originated the message.
     *
     * @return its {@code qkdn_id}
     */
    UUID origin();

    /**
     * A hello, sent to each neighbour every hello interval; a neighbour not heard within the dead interval is down.
     *
     * @param origin the sender
     */
    record Hello(UUID origin) implements RoutingMessage {
        /** Checks the component. */
        public Hello {
            requireNonNull(origin);
        }
    }

    /**
     * A link-state advertisement: the origin's usable adjacencies, flooded to every node.
     *
     * @param origin      the node that originated it
     * @param sequence    its sequence number, positive; a higher one is newer
     * @param ageSeconds  seconds since it was originated, 0 to {@link RoutingCodec#MAX_AGE_SECONDS}
     * @param adjacencies the neighbours the origin can reach directly, each with its finite metric
     */
    record Advertisement(UUID origin, long sequence, int ageSeconds, List<Adjacency> adjacencies)
            implements RoutingMessage {
        /** Checks the components. */
        public Advertisement {
            requireNonNull(origin);
            if (sequence < 1) {
                throw new IllegalArgumentException("sequence " + sequence + " below 1");
            }
            if (ageSeconds < 0 || ageSeconds > RoutingCodec.MAX_AGE_SECONDS) {
                throw new IllegalArgumentException("age " + ageSeconds + " outside 0.."
                    + RoutingCodec.MAX_AGE_SECONDS);
            }
            adjacencies = List.copyOf(adjacencies);
            if (adjacencies.size() > RoutingCodec.MAX_ADJACENCIES) {
                throw new IllegalArgumentException(adjacencies.size() + " adjacencies above "
                    + RoutingCodec.MAX_ADJACENCIES);
            }
            final Set<UUID> seen = new HashSet<>();
            for (Adjacency adjacency : adjacencies) {
                if (adjacency.neighbour().equals(origin)) {
                    throw new IllegalArgumentException("adjacency to the origin itself");
                }
                if (!seen.add(adjacency.neighbour())) {
                    throw new IllegalArgumentException("neighbour " + adjacency.neighbour() + " named twice");
                }
            }
        }

        /**
         * The same advertisement with another age.
         *
         * @param age the age in seconds
         * @return the copy
         */
        public Advertisement withAge(final int age) {
            return new Advertisement(origin, sequence, age, adjacencies);
        }
    }

    /**
     * One neighbour in an advertisement.
     *
     * @param neighbour the neighbour's {@code qkdn_id}
     * @param metric    the metric of the best link to it, 1 to {@link RoutingCodec#MAX_METRIC}
     */
    record Adjacency(UUID neighbour, int metric) {
        /** Checks the components. */
        public Adjacency {
            requireNonNull(neighbour);
            if (metric < 1 || metric > RoutingCodec.MAX_METRIC) {
                throw new IllegalArgumentException("metric " + metric + " outside 1.." + RoutingCodec.MAX_METRIC);
            }
        }
    }
}
