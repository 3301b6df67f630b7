package org.sdqkd.qkd.node.impl.routing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The timers of the link-state protocol.
 *
 * @param helloInterval   how often a hello goes to each neighbour
 * @param deadInterval    a neighbour not heard for this long is down (more than {@code helloInterval})
 * @param refreshInterval how often a router re-originates its advertisement although nothing changed
 * @param maxAge          an advertisement not refreshed for this long is removed (more than {@code refreshInterval})
 * @param minLsaInterval  metric-only changes are advertised at most this often; a neighbour going up or down,
 *                        or a metric becoming infinite or finite, is advertised at once
 */
public record RoutingSettings(Duration helloInterval, Duration deadInterval, Duration refreshInterval,
        Duration maxAge, Duration minLsaInterval) {
    /** Checks that the timers are positive and consistent. */
    public RoutingSettings {
        requireNonNull(helloInterval);
        requireNonNull(deadInterval);
        requireNonNull(refreshInterval);
        requireNonNull(maxAge);
        requireNonNull(minLsaInterval);
        if (helloInterval.isNegative() || helloInterval.isZero() || minLsaInterval.isNegative()) {
            throw new IllegalArgumentException("hello interval must be positive, min LSA interval not negative");
        }
        if (deadInterval.compareTo(helloInterval) <= 0) {
            throw new IllegalArgumentException("dead interval " + deadInterval + " not above hello interval "
                + helloInterval);
        }
        if (maxAge.compareTo(refreshInterval) <= 0 || refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("max age " + maxAge + " not above refresh interval "
                + refreshInterval);
        }
        if (maxAge.toSeconds() > RoutingCodec.MAX_AGE_SECONDS) {
            throw new IllegalArgumentException("max age above " + RoutingCodec.MAX_AGE_SECONDS + " s");
        }
    }

    /**
     * The defaults: hello every 100 ms, dead after 400 ms (so that a silent failure is detected well within a
     * second), refresh every 30 minutes, max age one hour, metric-only updates at most once a second.
     *
     * @return the settings
     */
    public static RoutingSettings defaults() {
        return new RoutingSettings(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofSeconds(1));
    }
}
