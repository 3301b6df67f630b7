package org.sdqkd.qkd.node.impl.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplicationsBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.QkdInterfacesBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterface;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterfaceBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterfaceKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.QkdLinksBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLinkKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.DISABLED;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.DOWN;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ENABLED;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.FAILED;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.IFACESTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ON;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OUTOFTIME;
import org.opendaylight.yangtools.binding.Notification;
import org.sdqkd.qkd.node.api.AppUsage;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.NodeAgentSettings;

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
    private final Consumer<Notification<?>> publish;
    private final AppRecords apps;
    private final Map<UUID, LinkWatch> links = new HashMap<>();
    private final Map<Long, IFACESTATUSTYPES> interfaceStatus = new HashMap<>();
    private QkdNodeConfig config = QkdNodeConfig.EMPTY;
    private Specs specs = new Specs(List.of(), List.of(), Map.of());
    private boolean configured;

    NodeMonitor(final UUID self, final NodeAgentSettings settings, final Consumer<Notification<?>> publish) {
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
    void configure(final QkdNodeConfig next, final Specs nextSpecs, final Instant now) {
        if (configured) {
            final Map<UUID, QkdNodeConfig.App> before = byId(config.applications());
            for (QkdNodeConfig.App app : next.applications()) {
                final QkdNodeConfig.App old = before.remove(app.id());
                if (old == null) {
                    publish.accept(EtsiNotifications.applicationNew(app, self));
                } else if (!old.qos().equals(app.qos()) || !old.priority().equals(app.priority())) {
                    publish.accept(EtsiNotifications.applicationQosUpdate(app));
                }
            }
            before.values().stream().filter(app -> !apps.expiryReported(app.id()))
                .forEach(app -> publish.accept(EtsiNotifications.applicationDisconnected(app.id())));
            final Map<Long, QkdNodeConfig.Interface> interfaces = config.interfaces().stream()
                .collect(Collectors.toMap(QkdNodeConfig.Interface::id, i -> i));
            for (QkdNodeConfig.Interface iface : next.interfaces()) {
                if (interfaces.remove(iface.id()) == null) {
                    publish.accept(EtsiNotifications.interfaceNew(iface.entry()));
                }
            }
            interfaces.keySet().forEach(id -> publish.accept(EtsiNotifications.interfaceOut(id)));
        }
        apps.retain(next.applications().stream().map(QkdNodeConfig.App::id).collect(Collectors.toSet()), now);
        for (QkdNodeConfig.App app : next.applications()) {
            if (app.expiration().isEmpty() || app.expiration().orElseThrow().isAfter(now)) {
                apps.clearExpiry(app.id());
            }
        }
        links.keySet().retainAll(next.links().stream().map(QkdNodeConfig.Link::id).collect(Collectors.toSet()));
        interfaceStatus.keySet().retainAll(next.interfaces().stream().map(QkdNodeConfig.Interface::id)
            .collect(Collectors.toSet()));
        config = next;
        specs = nextSpecs;
        configured = true;
    }

    private static Map<UUID, QkdNodeConfig.App> byId(final List<QkdNodeConfig.App> list) {
        final Map<UUID, QkdNodeConfig.App> out = new LinkedHashMap<>();
        list.forEach(a -> out.put(a.id(), a));
        return out;
    }

    /**
     * Takes a reading of the key plane: sends the notifications its changes call for and returns the node's
     * operational {@code qkd_node}.
     */
    QkdNode tick(final List<LinkState> planeLinks, final List<AppUsage> usages, final Instant now) {
        final Map<UUID, AppUsage> usage = usages.stream().collect(Collectors.toMap(AppUsage::id, u -> u, (a, b) -> b));
        final Map<QkdAppKey, QkdApp> appEntries = new LinkedHashMap<>();
        final Map<UUID, Long> consumption = new HashMap<>();
        for (QkdNodeConfig.App app : config.applications()) {
            apps.sample(app.id(), Optional.ofNullable(usage.get(app.id())).map(AppUsage::bitsDelivered).orElse(0L),
                now);
            final boolean expired = app.expiration().isPresent() && !app.expiration().orElseThrow().isAfter(now);
            if (expired && apps.reportExpiry(app.id())) {
                publish.accept(EtsiNotifications.applicationDisconnected(app.id()));
            }
            final QkdApp entry = new QkdAppBuilder().setAppId(EtsiNotifications.uuid(app.id()))
                .setAppStatus(expired ? OUTOFTIME.VALUE : ON.VALUE)
                .setCreationTime(AppRecords.time(apps.created(app.id())))
                .setAppStatistics(apps.statistics(app.id())).build();
            appEntries.put(entry.key(), entry);
            final List<UUID> used = linksOf(app);
            final long rate = apps.rate(app.id());
            used.forEach(l -> consumption.merge(l, rate / used.size(), Long::sum));
        }
        final Map<UUID, LinkState> states = planeLinks.stream()
            .collect(Collectors.toMap(LinkState::id, s -> s, (a, b) -> b));
        final Map<QkdLinkKey, QkdLink> linkEntries = new LinkedHashMap<>();
        final Map<Long, List<LinkStatus>> perInterface = new HashMap<>();
        final Map<Long, Boolean> interfaceEnabled = new HashMap<>();
        int emulated = 0;
        int off = 0;
        for (QkdNodeConfig.Link link : config.links()) {
            if (link.type() == QkdNodeConfig.LinkType.VIRT) {
                final QkdLink entry = LinkEntries.virtual(link.id());
                linkEntries.put(entry.key(), entry);
                continue;
            }
            if (link.type() != QkdNodeConfig.LinkType.PHYS || link.emulation().isEmpty()) {
                continue;
            }
            emulated++;
            final LinkStatus status = link(link, Optional.ofNullable(states.get(link.id())),
                consumption.getOrDefault(link.id(), 0L), linkEntries, now);
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
        return new QkdNodeBuilder().setQkdnId(EtsiNotifications.uuid(self))
            .setQkdnStatus(emulated > 0 && off == emulated ? DOWN.VALUE : OPERATING.VALUE)
            .setQkdApplications(new QkdApplicationsBuilder().setQkdApp(appEntries).build())
            .setQkdInterfaces(new QkdInterfacesBuilder().setQkdInterface(interfaces(perInterface, interfaceEnabled))
                .build())
            .setQkdLinks(new QkdLinksBuilder().setQkdLink(linkEntries).build())
            .build();
    }

    private List<UUID> linksOf(final QkdNodeConfig.App app) {
        if (!app.backingLinks().isEmpty()) {
            return app.backingLinks();
        }
        return app.remoteNode().map(remote -> specs.links().stream().filter(l -> l.remoteNode().equals(remote))
            .map(l -> l.id()).toList()).orElse(List.of());
    }

    private Map<QkdInterfaceKey, QkdInterface> interfaces(final Map<Long, List<LinkStatus>> perInterface,
            final Map<Long, Boolean> enabled) {
        final Map<QkdInterfaceKey, QkdInterface> out = new LinkedHashMap<>();
        for (QkdNodeConfig.Interface iface : config.interfaces()) {
            final IFACESTATUSTYPES status;
            if (!enabled.getOrDefault(iface.id(), true)) {
                status = DISABLED.VALUE;
            } else {
                final List<LinkStatus> over = perInterface.getOrDefault(iface.id(), List.of());
                status = !over.isEmpty() && over.stream().allMatch(s -> s == LinkStatus.OFF) ? FAILED.VALUE
                    : ENABLED.VALUE;
            }
            final IFACESTATUSTYPES before = interfaceStatus.put(iface.id(), status);
            if (before != null && !before.equals(status)) {
                if (FAILED.VALUE.equals(status)) {
                    final String reason = "every link over interface " + iface.id() + " is down";
                    publish.accept(EtsiNotifications.interfaceDown(iface.id(), reason));
                    publish.accept(EtsiNotifications.interfaceReport(true, iface.id(), status, reason));
                } else if (FAILED.VALUE.equals(before)) {
                    publish.accept(EtsiNotifications.interfaceReport(false, iface.id(), status, "interface "
                        + iface.id() + " is " + (ENABLED.VALUE.equals(status) ? "enabled" : "disabled") + " again"));
                }
            }
            final QkdInterface entry = new QkdInterfaceBuilder().setQkdiId(EtsiNotifications.uint32(iface.id()))
                .setQkdiStatus(status).build();
            out.put(entry.key(), entry);
        }
        return out;
    }

    private LinkStatus link(final QkdNodeConfig.Link link, final Optional<LinkState> reading, final long consumption,
            final Map<QkdLinkKey, QkdLink> out, final Instant now) {
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

        final QkdLink entry = LinkEntries.emulated(link.id(), status, condition, reason, reading, perf);
        out.put(entry.key(), entry);
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
}
