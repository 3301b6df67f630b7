package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.QkdLinks;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QKDNSTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;

/**
 * What one node last reported: its {@code qkdn_status} and its view of each of its links.
 *
 * @param node   the node
 * @param status its ETSI {@code qkdn_status}
 * @param links  its view of each link, by {@code qkdl_id}
 */
record NodeReport(NodeId node, Optional<QKDNSTATUSTYPES> status, Map<LinkId, LinkEnd> links) {
    NodeReport {
        requireNonNull(node);
        requireNonNull(status);
        links = Map.copyOf(links);
    }

    /**
     * A node's report from its {@code qkd_node}.
     *
     * @param node the node
     * @param data its {@code qkd_node}, as the binding codec decoded it
     * @return the report
     */
    static NodeReport of(final NodeId node, final QkdNode data) {
        final Map<LinkId, LinkEnd> links = new LinkedHashMap<>();
        final QkdLinks container = data.getQkdLinks();
        if (container != null) {
            for (QkdLink link : container.nonnullQkdLink().values()) {
                LinkEnd.of(node, link).ifPresent(end -> links.put(end.link(), end));
            }
        }
        return new NodeReport(node, Optional.ofNullable(data.getQkdnStatus()), links);
    }

    /**
     * This report with one link's view replaced, as a notification changed it.
     *
     * @param end the link's new view
     * @return the changed report
     */
    NodeReport with(final LinkEnd end) {
        final Map<LinkId, LinkEnd> changed = new LinkedHashMap<>(links);
        changed.put(end.link(), end);
        return new NodeReport(node, status, changed);
    }
}
