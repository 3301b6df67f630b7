package org.sdqkd.qkd.node.impl.agent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.QkdNode1;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.QkdNode1Builder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.RouteChanged;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.RouteChangedBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.qkd_node.RoutingBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.qkd_node.routing.LinkMetric;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.qkd_node.routing.LinkMetricBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.qkd_node.routing.LinkMetricKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.qkd_node.routing.Route;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.qkd_node.routing.RouteBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.qkd_node.routing.RouteKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.sdqkd.qkd.node.impl.routing.LocalLink;
import org.sdqkd.qkd.node.impl.routing.RouteChange;
import org.sdqkd.qkd.node.impl.routing.RoutingTable;

/**
 * The node's routing state ({@code sdqkd-routing}: the {@code routing} augment of {@code qkd_node} and the
 * {@code route-changed} notification), built with the generated builders from a router's table and links.
 */
final class RoutingEntries {
    private RoutingEntries() {
        // static only
    }

    /**
     * The {@code routing} augment of the operational {@code qkd_node}.
     *
     * @param table the routing table
     * @param links the node's links with their metrics
     * @return the augmentation
     */
    static QkdNode1 augmentation(final RoutingTable table, final List<LocalLink> links) {
        final Map<RouteKey, Route> routes = new LinkedHashMap<>();
        table.routes().values().stream()
            .sorted(Comparator.comparing(org.sdqkd.qkd.node.impl.routing.Route::destination))
            .forEach(route -> {
                final Route entry = new RouteBuilder().setDestination(node(route.destination()))
                    .setNextHop(node(route.nextHop())).setMetric(Uint64.valueOf(route.metric()))
                    .setPath(route.path().stream().map(RoutingEntries::node).toList()).build();
                routes.put(entry.key(), entry);
            });
        final Map<LinkMetricKey, LinkMetric> metrics = new LinkedHashMap<>();
        for (LocalLink link : links) {
            final boolean usable = org.sdqkd.qkd.node.impl.routing.LinkMetric.usable(link.metric());
            final LinkMetric entry = new LinkMetricBuilder().setQkdlId(new LinkId(link.linkId().toString()))
                .setNeighbour(node(link.neighbour())).setUsable(usable)
                .setMetric(usable ? Uint32.valueOf(link.metric()) : null).build();
            metrics.put(entry.key(), entry);
        }
        return new QkdNode1Builder().setRouting(new RoutingBuilder().setRoute(routes).setLinkMetric(metrics).build())
            .build();
    }

    /**
     * The {@code route-changed} notification of a change: each destination whose route changed, with its new
     * route, or unreachable.
     *
     * @param change the change
     * @return the notification
     */
    static RouteChanged notification(final RouteChange change) {
        final Map<org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.route.changed.RouteKey,
            org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.route.changed.Route> changed =
            new LinkedHashMap<>();
        change.changed().stream().sorted().forEach(id -> {
            final var entry = new org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.routing.rev261207.route.changed
                .RouteBuilder().setDestination(node(id));
            change.current().to(id).ifPresentOrElse(route -> entry.setReachable(true)
                .setNextHop(node(route.nextHop())).setMetric(Uint64.valueOf(route.metric()))
                .setPath(route.path().stream().map(RoutingEntries::node).toList()),
                () -> entry.setReachable(false));
            final var built = entry.build();
            changed.put(built.key(), built);
        });
        return new RouteChangedBuilder().setRoute(changed).build();
    }

    private static NodeId node(final UUID id) {
        return new NodeId(id.toString());
    }
}
