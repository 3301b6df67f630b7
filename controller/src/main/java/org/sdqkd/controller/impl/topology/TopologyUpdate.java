package org.sdqkd.controller.impl.topology;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QKDNSTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;

/**
 * What changed since the last update: written to the operational datastore in one transaction, then published.
 *
 * @param links      links to show, as they are now
 * @param removed    links to show no more
 * @param nodeStatus nodes whose {@code qkdn-status} to show, with it
 * @param publish    links whose change is worth a {@code link-state-changed} notification
 */
record TopologyUpdate(List<ShownLink> links, Set<LinkId> removed, Map<NodeId, QKDNSTATUSTYPES> nodeStatus,
        List<ShownLink> publish) {
    TopologyUpdate {
        links = List.copyOf(links);
        removed = Set.copyOf(removed);
        nodeStatus = Map.copyOf(nodeStatus);
        publish = List.copyOf(publish);
    }

    /** Whether there is nothing to write or publish. */
    boolean isEmpty() {
        return links.isEmpty() && removed.isEmpty() && nodeStatus.isEmpty() && publish.isEmpty();
    }
}
