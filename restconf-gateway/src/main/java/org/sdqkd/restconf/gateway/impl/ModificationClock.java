package org.sdqkd.restconf.gateway.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When the data last changed (RFC 8040 section 3.4.1.1), kept for the whole datastore: the configuration (running,
 * changed by this gateway or by others such as NETCONF, seen through a listener), and any data a GET answers
 * (running or the operational state). Edits check {@code If-Unmodified-Since} against the configuration's time; GET
 * answers {@code Last-Modified} with the time of any change. Times never go back.
 */
final class ModificationClock {
    private final Clock clock;
    private final AtomicReference<Instant> configuration;
    private final AtomicReference<Instant> any;

    ModificationClock(final Clock clock) {
        this.clock = clock;
        final Instant now = clock.instant();
        this.configuration = new AtomicReference<>(now);
        this.any = new AtomicReference<>(now);
    }

    /** The time of the last change to the configuration. */
    Instant configurationModified() {
        return configuration.get();
    }

    /** The time of the last change to the configuration or the state. */
    Instant lastModified() {
        return any.get();
    }

    /**
     * Records a change to the configuration now.
     *
     * @return the time recorded
     */
    Instant touchConfiguration() {
        final Instant now = clock.instant();
        advance(any, now);
        return advance(configuration, now);
    }

    /** Records a change to the state data now. */
    void touchState() {
        advance(any, clock.instant());
    }

    private static Instant advance(final AtomicReference<Instant> last, final Instant now) {
        return last.accumulateAndGet(now, (previous, next) -> next.isAfter(previous) ? next : previous);
    }
}
