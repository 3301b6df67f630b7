package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the live topology runs.
 *
 * @param refreshInterval how often each connected node's {@code qkd_node} is read again, for nodes that do not
 *                        notify every change (SKR, QBER, stored keys)
 * @param readTimeout     how long a read of one node may take before it is given up (logged; the node's last
 *                        data stays); other nodes never wait for it
 * @param batchDelay      how long changes are gathered before they are written in one transaction and published,
 *                        so a notification storm costs one write
 * @param relativeChange  the fraction by which SKR or QBER must move for a {@code link-state-changed} notification
 *                        (see {@link PublishRule})
 */
public record TopologySettings(Duration refreshInterval, Duration readTimeout, Duration batchDelay,
        double relativeChange) {
    /** 1 s refresh, 5 s read timeout, 100 ms batches, 10 % change. */
    public static final TopologySettings DEFAULT = new TopologySettings(Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofMillis(100), 0.1);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException when a duration is not positive or the fraction is outside [0, 1)
     */
    public TopologySettings {
        requireNonNull(refreshInterval);
        requireNonNull(readTimeout);
        requireNonNull(batchDelay);
        if (refreshInterval.isNegative() || refreshInterval.isZero() || readTimeout.isNegative()
                || readTimeout.isZero() || batchDelay.isNegative() || batchDelay.isZero()) {
            throw new IllegalArgumentException("the topology's intervals must be positive");
        }
        new PublishRule(relativeChange);
    }

    /**
     * These settings with another refresh interval.
     *
     * @param interval the interval
     * @return the changed settings
     */
    public TopologySettings withRefreshInterval(final Duration interval) {
        return new TopologySettings(interval, readTimeout, batchDelay, relativeChange);
    }
}
