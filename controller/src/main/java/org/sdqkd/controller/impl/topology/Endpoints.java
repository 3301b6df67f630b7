package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The two ends of a link the configuration lacks, as its nodes report them ({@code qkdl_local},
 * {@code qkdl_remote}): end A is the node with the lower id, so the same link shows the same way whichever end
 * reported it.
 *
 * @param nodeA      one end's node
 * @param interfaceA its {@code qkdi_id}
 * @param nodeB      the other end's node, when reported
 * @param interfaceB its {@code qkdi_id}
 */
record Endpoints(NodeId nodeA, Optional<Uint32> interfaceA, Optional<NodeId> nodeB, Optional<Uint32> interfaceB) {
    Endpoints {
        requireNonNull(nodeA);
        requireNonNull(interfaceA);
        requireNonNull(nodeB);
        requireNonNull(interfaceB);
    }

    /**
     * The ends from the views of a link's connected ends.
     *
     * @param ends the views, at least one
     * @return the ends
     */
    static Endpoints of(final Collection<LinkEnd> ends) {
        final LinkEnd first = ends.stream().min(Comparator.comparing(end -> end.node().getValue())).orElseThrow();
        final Endpoints reported = new Endpoints(first.node(), first.localInterface(), first.remote(),
            first.remoteInterface());
        if (reported.nodeB().isPresent()
                && reported.nodeB().orElseThrow().getValue().compareTo(reported.nodeA().getValue()) < 0) {
            return new Endpoints(reported.nodeB().orElseThrow(), reported.interfaceB(), Optional.of(reported.nodeA()),
                reported.interfaceA());
        }
        return reported;
    }
}
