package org.sdqkd.qkd.node.impl.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.AppUsage;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.KeyPlane;
import org.sdqkd.etsi014.api.Status;
import org.sdqkd.qkd.node.api.LinkChannel;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.RateSource;

/**
 * A key plane test double: records every call of {@code applyLinks}/{@code applyApplications} and answers
 * {@code links()} with a state derived from the last spec of each link (a fault or a QBER above the threshold gives
 * the condition a real link would have), overridden by what the test scripts.
 */
final class FakeKeyPlane implements KeyPlane {
    /** What a test scripts for one link; empty fields keep the state derived from the spec. */
    static final class Script {
        volatile LinkState.Condition condition;
        volatile String reason;
        volatile Long skr;
        volatile long storedKeys;
        volatile long reservedKeys;
        volatile long keysDelivered;
        volatile long bitsGenerated;
        volatile long refusals;
    }

    private final List<List<LinkSpec>> linkCalls = new CopyOnWriteArrayList<>();
    private final List<List<AppSpec>> appCalls = new CopyOnWriteArrayList<>();
    private final Map<UUID, Script> scripts = new ConcurrentHashMap<>();
    private final Map<UUID, AppUsage> usages = new ConcurrentHashMap<>();

    @Override
    public void applyLinks(final Collection<LinkSpec> links) {
        linkCalls.add(List.copyOf(links));
    }

    @Override
    public void applyApplications(final Collection<AppSpec> applications) {
        appCalls.add(List.copyOf(applications));
    }

    /** The links of the last {@code applyLinks}. */
    List<LinkSpec> lastLinks() {
        return linkCalls.isEmpty() ? List.of() : linkCalls.getLast();
    }

    /** The applications of the last {@code applyApplications}. */
    List<AppSpec> lastApps() {
        return appCalls.isEmpty() ? List.of() : appCalls.getLast();
    }

    /** The last spec of a link, if the last call had it. */
    Optional<LinkSpec> link(final UUID id) {
        return lastLinks().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The script of a link, created empty on first use. */
    Script script(final UUID id) {
        return scripts.computeIfAbsent(id, k -> new Script());
    }

    /** Sets an application's usage. */
    void usage(final UUID app, final long keys, final long bits) {
        usages.put(app, new AppUsage(app, keys, bits));
    }

    @Override
    public List<LinkState> links() {
        final List<LinkState> out = new ArrayList<>();
        for (LinkSpec spec : lastLinks()) {
            final Script script = script(spec.id());
            final double qber = spec.injectedQber().orElse(spec.baselineQber());
            final long nominal = spec.rate() instanceof RateSource.Fixed fixed ? fixed.bitsPerSecond() : 1000;
            LinkState.Condition condition = !spec.enabled() ? LinkState.Condition.DISABLED
                : switch (spec.fault()) {
                    case LINK_DOWN -> LinkState.Condition.DOWN;
                    case SKR_ZERO -> LinkState.Condition.NO_KEY_RATE;
                    case NONE -> qber > spec.qberThreshold() ? LinkState.Condition.QBER_ALARM : LinkState.Condition.UP;
                };
            if (script.condition != null) {
                condition = script.condition;
            }
            final long skr = condition != LinkState.Condition.UP ? 0 : script.skr != null ? script.skr : nominal;
            final Optional<String> reason = condition == LinkState.Condition.UP ? Optional.empty()
                : Optional.of(script.reason != null ? script.reason : "scripted " + condition);
            out.add(new LinkState(spec.id(), condition, reason, Optional.of("peer-node"), skr, nominal, qber,
                spec.qberThreshold(), script.storedKeys, spec.capacityKeys(), script.reservedKeys,
                script.keysDelivered, script.bitsGenerated, script.refusals,
                spec.channel() instanceof LinkChannel.Listen ? OptionalInt.of(7001)
                    : OptionalInt.empty()));
        }
        return out;
    }

    @Override
    public List<AppUsage> applications() {
        return lastApps().stream().map(a -> usages.getOrDefault(a.id(), new AppUsage(a.id(), 0, 0))).toList();
    }

    @Override
    public Status status(final String masterSae, final String slaveSae) {
        throw new UnsupportedOperationException("not part of the agent's tests");
    }

    @Override
    public List<DeliveredKey> encKeys(final String masterSae, final List<String> slaveSaes, final int number,
            final int sizeBits) {
        throw new UnsupportedOperationException("not part of the agent's tests");
    }

    @Override
    public List<DeliveredKey> decKeys(final String slaveSae, final String masterSae, final List<UUID> keyIds) {
        throw new UnsupportedOperationException("not part of the agent's tests");
    }

    @Override
    public void close() {
        // nothing runs
    }
}
