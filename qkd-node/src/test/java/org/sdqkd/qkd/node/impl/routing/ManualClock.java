package org.sdqkd.qkd.node.impl.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the simulation advances by hand. */
final class ManualClock implements InstantSource {
    private Instant now = Instant.parse("2026-12-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized void advance(final Duration step) {
        now = now.plus(step);
    }
}
