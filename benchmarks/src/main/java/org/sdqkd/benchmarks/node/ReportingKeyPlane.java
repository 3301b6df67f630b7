package org.sdqkd.benchmarks.node;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.sdqkd.etsi014.api.Status;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.AppUsage;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.KeyPlane;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;

/**
 * A key plane that runs nothing and reports every link applied as up, with counters that grow at each reading, so
 * that the bridge's refresh has new values to write each time. Delivers no keys.
 */
final class ReportingKeyPlane implements KeyPlane {
    private volatile List<LinkSpec> links = List.of();
    private volatile List<AppSpec> apps = List.of();
    private final AtomicLong readings = new AtomicLong();

    @Override
    public void applyLinks(final Collection<LinkSpec> specs) {
        links = List.copyOf(specs);
    }

    @Override
    public void applyApplications(final Collection<AppSpec> applications) {
        apps = List.copyOf(applications);
    }

    /** The links applied last. */
    List<LinkSpec> applied() {
        return links;
    }

    @Override
    public List<LinkState> links() {
        final long n = readings.incrementAndGet();
        return links.stream().map(spec -> new LinkState(spec.id(), LinkState.Condition.UP, Optional.empty(),
            Optional.of("peer-node"), 50_000 + n % 7, 50_000, 0.02, spec.qberThreshold(), n % 1000,
            spec.capacityKeys(), n % 13, n, 256 * n, 0, OptionalInt.of(7001))).toList();
    }

    @Override
    public List<AppUsage> applications() {
        final long n = readings.get();
        return apps.stream().map(app -> new AppUsage(app.id(), n, 256 * n)).toList();
    }

    @Override
    public Status status(final String masterSae, final String slaveSae) {
        throw new UnsupportedOperationException("delivers no keys");
    }

    @Override
    public List<DeliveredKey> encKeys(final String masterSae, final List<String> slaveSaes, final int number,
            final int sizeBits) {
        throw new UnsupportedOperationException("delivers no keys");
    }

    @Override
    public List<DeliveredKey> decKeys(final String slaveSae, final String masterSae, final List<UUID> keyIds) {
        throw new UnsupportedOperationException("delivers no keys");
    }

    @Override
    public void close() {
        // nothing runs
    }
}
