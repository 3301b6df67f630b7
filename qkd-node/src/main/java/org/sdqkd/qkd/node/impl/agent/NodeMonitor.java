package org.sdqkd.qkd.node.impl.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sdqkd.qkd.node.impl.keys.AppUsage;
import org.sdqkd.qkd.node.impl.keys.LinkState;

/**
 * The agent bridge's memory between state intervals: turns each configuration and each reading of the key plane
 * into the node's operational {@code qkd_node} and the ETSI GS QKD 015 notifications the changes call for. Used by one
 * thread at a time.
 */
final class NodeMonitor {
    /** How much the SKR must change for a performance update, relative to the last one reported. */
    private static final double SKR_CHANGE = 0.10;

    /** What was last reported of one link. */
    private static final class LinkWatch {
        private LinkStatus status;
        private LinkState.Condition condition;
        private long reportedSkr;
        private boolean reportedAbove;
        private Instant lastPerf = Instant.MIN;
        private long reportedRefusals;
        private Instant lastOverload = Instant.MIN;
    }

    private final UUID self;
    private final Duration perfInterval;
    private final Consumer<Xml> publish;
    private final AppRecords apps;
    private final Map<UUID, LinkWatch> links = new HashMap<>();
    private final Map<Long, String> interfaceStatus = new HashMap<>();
    private NodeConfig config = NodeConfig.EMPTY;
    private Specs specs = new Specs(List.of(), List.of(), Map.of());
    private boolean configured;

    NodeMonitor(final UUID self, final NodeAgentSettings settings, final Consumer<Xml> publish) {
        this.self = self;
        this.perfInterval = settings.perfUpdateInterval();
        this.publish = publish;
        final Duration twoStates = settings.stateInterval().multipliedBy(2);
        final Duration rateWindow = settings.perfUpdateInterval().compareTo(twoStates) > 0
            ? settings.perfUpdateInterval() : twoStates;
        this.apps = new AppRecords(settings.statisticsInterval(), settings.statisticsKept(), rateWindow);
    }

    /**
     * Takes a new configuration: notifies applications added, changed and removed and interfaces added and removed
     * (not for the first configuration, which is the node's starting point).
     */
    void configure(final NodeConfig next, final Specs nextSpecs, final Instant now) {
        if (configured) {
            final Map<UUID, NodeConfig.App> before = byId(config.applications());
            for (NodeConfig.App app : next.applications()) {
                final NodeConfig.App old = before.remove(app.id());
                if (old == null) {
                    publish.accept(EtsiNotifications.applicationNew(app, self));
                } else if (!old.qos().equals(app.qos()) || !old.priority().equals(app.priority())) {
                    publish.accept(EtsiNotifications.applicationQosUpdate(app));
                }
            }
            before.values().stream().filter(app -> !apps.expiryReported(app.id()))
                .forEach(app -> publish.accept(EtsiNotifications.applicationDisconnected(app.id())));
            final Map<Long, NodeConfig.Interface> interfaces = config.interfaces().stream()
                .collect(Collectors.toMap(NodeConfig.Interface::id, i -> i));
            for (NodeConfig.Interface iface : next.interfaces()) {
                if (interfaces.remove(iface.id()) == null) {
                    publish.accept(EtsiNotifications.interfaceNew(iface));
                }
            }
            interfaces.keySet().forEach(id -> publish.accept(EtsiNotifications.interfaceOut(id)));
        }
        apps.retain(next.applications().stream().map(NodeConfig.App::id).collect(Collectors.toSet()), now);
        for (NodeConfig.App app : next.applications()) {
            if (app.expiration().isEmpty() || app.expiration().orElseThrow().isAfter(now)) {
                apps.clearExpiry(app.id());
            }
        }
        links.keySet().retainAll(next.links().stream().map(NodeConfig.Link::id).collect(Collectors.toSet()));
        interfaceStatus.keySet().retainAll(next.interfaces().stream().map(NodeConfig.Interface::id)
            .collect(Collectors.toSet()));
        config = next;
        specs = nextSpecs;
        configured = true;
    }

    private static Map<UUID, NodeConfig.App> byId(final List<NodeConfig.App> list) {
        final Map<UUID, NodeConfig.App> out = new LinkedHashMap<>();
        list.forEach(a -> out.put(a.id(), a));
        return out;
    }

    /**
     * Takes a reading of the key plane: sends the notifications its changes call for and returns the node's
     * operational {@code qkd_node}.
     */
    Xml tick(final List<LinkState> planeLinks, final List<AppUsage> usages, final Instant now) {
        final Map<UUID, AppUsage> usage = usages.stream().collect(Collectors.toMap(AppUsage::id, u -> u, (a, b) -> b));
        final Xml node = Xml.etsi("qkd_node").leaf("qkdn_id", self);
        final Xml appsXml = Xml.etsi("qkd_applications");
        final Map<UUID, Long> consumption = new HashMap<>();
        for (NodeConfig.App app : config.applications()) {
            apps.sample(app.id(), Optional.ofNullable(usage.get(app.id())).map(AppUsage::bitsDelivered).orElse(0L),
                now);
            final boolean expired = app.expiration().isPresent() && !app.expiration().orElseThrow().isAfter(now);
            if (expired && apps.reportExpiry(app.id())) {
                publish.accept(EtsiNotifications.applicationDisconnected(app.id()));
            }
            final Xml entry = appsXml.child("qkd_app").leaf("app_id", app.id())
                .identity("app_status", expired ? "OUT-OF-TIME" : "ON")
                .leaf("creation_time", time(apps.created(app.id())));
            final Xml statistics = entry.child("app_statistics");
            for (AppRecords.Window window : apps.windows(app.id())) {
                statistics.child("statistics").leaf("end_time", time(window.end()))
                    .leaf("start_time", time(window.start()))
                    .leaf("consumed_bits", EtsiNotifications.uint32(window.consumedBits()));
            }
            final List<UUID> used = linksOf(app);
            final long rate = apps.rate(app.id());
            used.forEach(l -> consumption.merge(l, rate / used.size(), Long::sum));
        }
        final Map<UUID, LinkState> states = planeLinks.stream()
            .collect(Collectors.toMap(LinkState::id, s -> s, (a, b) -> b));
        final Xml linksXml = Xml.etsi("qkd_links");
        final Map<Long, List<LinkStatus>> perInterface = new HashMap<>();
        final Map<Long, Boolean> interfaceEnabled = new HashMap<>();
        int emulated = 0;
        int off = 0;
        for (NodeConfig.Link link : config.links()) {
            if (link.type() == NodeConfig.LinkType.VIRT) {
                linksXml.child("qkd_link").leaf("qkdl_id", link.id()).identity("qkdl_status", "PENDING");
                continue;
            }
            if (link.type() != NodeConfig.LinkType.PHYS || link.emulation().isEmpty()) {
                continue;
            }
            emulated++;
            final LinkStatus status = link(link, Optional.ofNullable(states.get(link.id())),
                consumption.getOrDefault(link.id(), 0L), linksXml.child("qkd_link"), now);
            if (status == LinkStatus.OFF) {
                off++;
            }
            if (link.localInterface().isPresent()) {
                final long iface = link.localInterface().getAsLong();
                interfaceEnabled.merge(iface, link.enabled(), Boolean::logicalOr);
                if (link.enabled()) {
                    perInterface.computeIfAbsent(iface, k -> new ArrayList<>()).add(status);
                }
            }
        }
        node.identity("qkdn_status", emulated > 0 && off == emulated ? "DOWN" : "OPERATING");
        node.add(appsXml);
        node.add(interfaces(perInterface, interfaceEnabled));
        node.add(linksXml);
        return node;
    }

    private List<UUID> linksOf(final NodeConfig.App app) {
        if (!app.backingLinks().isEmpty()) {
            return app.backingLinks();
        }
        return app.remoteNode().map(remote -> specs.links().stream().filter(l -> l.remoteNode().equals(remote))
            .map(l -> l.id()).toList()).orElse(List.of());
    }

    private Xml interfaces(final Map<Long, List<LinkStatus>> perInterface, final Map<Long, Boolean> enabled) {
        final Xml out = Xml.etsi("qkd_interfaces");
        for (NodeConfig.Interface iface : config.interfaces()) {
            final String status;
            if (!enabled.getOrDefault(iface.id(), true)) {
                status = "DISABLED";
            } else {
                final List<LinkStatus> over = perInterface.getOrDefault(iface.id(), List.of());
                status = !over.isEmpty() && over.stream().allMatch(s -> s == LinkStatus.OFF) ? "FAILED" : "ENABLED";
            }
            final String before = interfaceStatus.put(iface.id(), status);
            if (before != null && !before.equals(status)) {
                if ("FAILED".equals(status)) {
                    final String reason = "every link over interface " + iface.id() + " is down";
                    publish.accept(EtsiNotifications.interfaceDown(iface.id(), reason));
                    publish.accept(EtsiNotifications.interfaceReport(true, iface.id(), status, reason));
                } else if ("FAILED".equals(before)) {
                    publish.accept(EtsiNotifications.interfaceReport(false, iface.id(), status,
                        "interface " + iface.id() + " is " + status.toLowerCase(Locale.ROOT) + " again"));
                }
            }
            out.child("qkd_interface").leaf("qkdi_id", iface.id()).identity("qkdi_status", status);
        }
        return out;
    }

    private LinkStatus link(final NodeConfig.Link link, final Optional<LinkState> reading, final long consumption,
            final Xml out, final Instant now) {
        final Optional<String> failure = specs.failure(link.id());
        final LinkState.Condition condition;
        final String reason;
        if (failure.isPresent()) {
            condition = LinkState.Condition.DOWN;
            reason = failure.orElseThrow();
        } else if (reading.isEmpty()) {
            condition = LinkState.Condition.CONNECTING;
            reason = "the link is starting";
        } else {
            condition = reading.orElseThrow().condition();
            reason = reading.orElseThrow().reason().orElse(condition.name().toLowerCase(Locale.ROOT));
        }
        final LinkStatus status = LinkStatus.of(condition);
        final LinkWatch watch = links.computeIfAbsent(link.id(), k -> new LinkWatch());
        final long skr = reading.map(LinkState::skr).orElse(0L);
        final OptionalDouble qber = reading.isPresent() ? OptionalDouble.of(reading.orElseThrow().qber())
            : OptionalDouble.empty();
        final double threshold = link.emulation().orElseThrow().qberThreshold();
        final EtsiNotifications.Performance perf = new EtsiNotifications.Performance(consumption, skr, skr, qber);
        transitions(link.id(), watch, status, condition, reason, qber, threshold);
        if (reading.isPresent()) {
            performance(link.id(), watch, reading.orElseThrow(), perf, now);
        }
        watch.status = status;
        watch.condition = condition;

        out.leaf("qkdl_id", link.id()).identity("qkdl_status", status.name());
        perf.writeTo(out.child("qkdl_performance"), true);
        final Xml store = out.add(Xml.sdqkd("key-store"));
        store.leaf("condition", condition.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (condition != LinkState.Condition.UP) {
            store.leaf("reason", reason);
        }
        reading.ifPresent(s -> {
            store.leaf("peer-node", s.peerNodeName());
            if (s.listenPort().isPresent()) {
                store.leaf("listen-port", s.listenPort().getAsInt());
            }
            store.leaf("qber", String.format(Locale.ROOT, "%.6f", Math.min(1, Math.max(0, s.qber()))))
                .leaf("nominal-skr", s.nominalSkr()).leaf("stored-keys", s.storedKeys())
                .leaf("capacity", s.capacityKeys()).leaf("reserved-keys", s.reservedKeys())
                .leaf("keys-delivered", s.keysDelivered()).leaf("bits-generated", s.bitsGenerated())
                .leaf("refusals", s.refusals());
        });
        return status;
    }

    private void transitions(final UUID id, final LinkWatch watch, final LinkStatus status,
            final LinkState.Condition condition, final String reason, final OptionalDouble qber,
            final double threshold) {
        final LinkStatus before = watch.status;
        if (before == null) {
            if (status == LinkStatus.OFF && condition == LinkState.Condition.DOWN) {
                publish.accept(EtsiNotifications.linkAlarm(id, status, "link down: " + reason));
            }
        } else if (before.connected() && !status.connected()) {
            publish.accept(EtsiNotifications.linkDown(id, reason));
            publish.accept(EtsiNotifications.linkAlarm(id, status, "link down: " + reason));
        } else if (status == LinkStatus.OFF && before != LinkStatus.OFF && condition == LinkState.Condition.DOWN) {
            publish.accept(EtsiNotifications.linkAlarm(id, status, "link down: " + reason));
        }
        if (status == LinkStatus.ACTIVE && before != null && before != LinkStatus.ACTIVE) {
            publish.accept(EtsiNotifications.linkEvent(id, status, "link active"
                + (before.connected() ? "" : " (was " + before.name().toLowerCase(Locale.ROOT) + ")")));
        }
        if (condition == LinkState.Condition.QBER_ALARM && watch.condition != LinkState.Condition.QBER_ALARM) {
            publish.accept(EtsiNotifications.linkAlarm(id, status, String.format(Locale.ROOT,
                "QBER %.4f above the threshold %.4f", qber.orElse(Double.NaN), threshold)));
        }
    }

    private void performance(final UUID id, final LinkWatch watch, final LinkState state,
            final EtsiNotifications.Performance perf, final Instant now) {
        final boolean above = state.qber() > state.qberThreshold();
        if (watch.status == null) {
            watch.reportedSkr = state.skr();
            watch.reportedAbove = above;
            watch.reportedRefusals = state.refusals();
            return;
        }
        final boolean skrChanged = Math.abs(state.skr() - watch.reportedSkr)
            >= SKR_CHANGE * Math.max(watch.reportedSkr, 1);
        if ((skrChanged || above != watch.reportedAbove) && !now.isBefore(watch.lastPerf.plus(perfInterval))) {
            publish.accept(EtsiNotifications.linkPerfUpdate(id, perf));
            watch.reportedSkr = state.skr();
            watch.reportedAbove = above;
            watch.lastPerf = now;
        }
        if (state.refusals() > watch.reportedRefusals && !now.isBefore(watch.lastOverload.plus(perfInterval))) {
            publish.accept(EtsiNotifications.linkOverloaded(id, perf));
            watch.reportedRefusals = state.refusals();
            watch.lastOverload = now;
        }
    }

    private static String time(final Instant instant) {
        return Objects.requireNonNull(instant).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
