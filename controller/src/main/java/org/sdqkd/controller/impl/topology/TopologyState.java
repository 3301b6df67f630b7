package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.FAILURE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QKDNSTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;

/**
 * The topology in memory: the configured nodes and links, what each connected node last reported, and what the
 * operational datastore shows; {@link #update()} gives what changed. A configured link shows the views of those of
 * its two configured ends that are connected (none: unknown, once it was shown); a PHYS link that nodes report but
 * the configuration lacks is shown too, with its ends as reported, while a node reports it (as OpenDaylight's
 * topologies show discovered links in operational data only). A connected node shows its {@code qkdn_status}; one
 * that disconnected shows {@code FAILURE} ("cannot be accessed by SDN controller"). Used by one thread at a time.
 */
final class TopologyState {
    private final PublishRule rule;
    private final Clock clock;
    private Map<LinkId, ConfiguredLink> configured = Map.of();
    private Set<NodeId> nodes = Set.of();
    private final Map<NodeId, NodeReport> reports = new HashMap<>();
    private final Map<NodeId, QKDNSTATUSTYPES> nodeStatus = new HashMap<>();
    private final Map<NodeId, QKDNSTATUSTYPES> shownNodeStatus = new HashMap<>();
    private final Map<LinkId, ShownLink> shown = new HashMap<>();
    private final Map<LinkId, LinkState> published = new HashMap<>();
    private boolean rewrite;

    TopologyState(final PublishRule rule, final Clock clock) {
        this.rule = requireNonNull(rule);
        this.clock = requireNonNull(clock);
    }

    /**
     * The controller's configuration changed.
     *
     * @param links the configured links
     * @param configuredNodes the configured nodes
     */
    void configure(final Map<LinkId, ConfiguredLink> links, final Set<NodeId> configuredNodes) {
        configured = Map.copyOf(links);
        nodes = Set.copyOf(configuredNodes);
        shownNodeStatus.keySet().retainAll(nodes);
    }

    /**
     * A node reported its data.
     *
     * @param report the report, replacing the one before
     */
    void report(final NodeReport report) {
        reports.put(report.node(), report);
        report.status().ifPresent(status -> nodeStatus.put(report.node(), status));
    }

    /**
     * What a connected node last reported.
     *
     * @param node the node
     * @return its report, empty when it is not connected or has not reported yet
     */
    Optional<NodeReport> report(final NodeId node) {
        return Optional.ofNullable(reports.get(node));
    }

    /**
     * A node's session ended: its views no longer count, and it shows {@code FAILURE}.
     *
     * @param node the node
     */
    void disconnected(final NodeId node) {
        reports.remove(node);
        nodeStatus.put(node, FAILURE.VALUE);
    }

    /** The last update was not written: the next one writes everything shown again. */
    void rewriteAll() {
        rewrite = true;
        shownNodeStatus.clear();
    }

    /**
     * What changed since the last call, which it records as shown.
     *
     * @return the changes
     */
    TopologyUpdate update() {
        final Instant now = clock.instant();
        final List<ShownLink> links = new ArrayList<>();
        final Set<LinkId> removed = new HashSet<>();
        final List<ShownLink> publish = new ArrayList<>();
        final Set<LinkId> ids = new LinkedHashSet<>(configured.keySet());
        reports.values().forEach(report -> ids.addAll(report.links().keySet()));
        ids.addAll(shown.keySet());
        for (LinkId id : ids) {
            final ShownLink before = shown.get(id);
            final Optional<ShownLink> next = next(id, before, now);
            if (next.isEmpty()) {
                if (before != null) {
                    removed.add(id);
                    shown.remove(id);
                    published.remove(id);
                }
                continue;
            }
            final ShownLink link = next.orElseThrow();
            if (rewrite || !link.equals(before)) {
                links.add(link);
                shown.put(id, link);
            }
            if (rule.due(Optional.ofNullable(published.get(id)), link.state())) {
                publish.add(link);
                published.put(id, link.state());
            }
        }
        rewrite = false;
        final Map<NodeId, QKDNSTATUSTYPES> statusChanges = new HashMap<>();
        nodeStatus.forEach((node, status) -> {
            final QKDNSTATUSTYPES before = shownNodeStatus.get(node);
            if (nodes.contains(node)
                    && (before == null || !before.implementedInterface().equals(status.implementedInterface()))) {
                statusChanges.put(node, status);
                shownNodeStatus.put(node, status);
            }
        });
        return new TopologyUpdate(links, removed, statusChanges, publish);
    }

    private Optional<ShownLink> next(final LinkId id, final ShownLink before, final Instant now) {
        final ConfiguredLink config = configured.get(id);
        final List<LinkEnd> ends = new ArrayList<>();
        for (NodeReport report : reports.values()) {
            final LinkEnd end = report.links().get(id);
            if (end != null && (config == null ? end.physical() : config.joins(report.node()))) {
                ends.add(end);
            }
        }
        if (ends.isEmpty() && (config == null || before == null)) {
            return Optional.empty();
        }
        final LinkState state = LinkState.of(ends);
        final Instant lastChange = before == null || !before.state().status().equals(state.status()) ? now
            : before.lastChange();
        return Optional.of(new ShownLink(id, state, lastChange,
            config == null ? Optional.of(Endpoints.of(ends)) : Optional.empty()));
    }

    /**
     * A configured link: its two ends' nodes.
     *
     * @param id    the link
     * @param nodeA endpoint A's node
     * @param nodeB endpoint B's node
     */
    record ConfiguredLink(LinkId id, Optional<NodeId> nodeA, Optional<NodeId> nodeB) {
        ConfiguredLink {
            requireNonNull(id);
            requireNonNull(nodeA);
            requireNonNull(nodeB);
        }

        boolean joins(final NodeId node) {
            return nodeA.equals(Optional.of(node)) || nodeB.equals(Optional.of(node));
        }
    }
}
