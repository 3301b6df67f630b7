package org.sdqkd.restconf.gateway.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When the running datastore last changed (RFC 8040 section 3.4.1.1): the {@code Last-Modified} of every data
 * resource, moved by the gateway's own commits and by a listener on running for changes made elsewhere (NETCONF).
 */
final class ModificationClock {
    private final Clock clock;
    private final AtomicReference<Instant> last;

    ModificationClock(final Clock clock) {
        this.clock = clock;
        this.last = new AtomicReference<>(clock.instant());
    }

    /** The time of the last change. */
    Instant lastModified() {
        return last.get();
    }

    /**
     * Records a change now; the time never goes back.
     *
     * @return the time recorded
     */
    Instant touch() {
        final Instant now = clock.instant();
        return last.accumulateAndGet(now, (previous, next) -> next.isAfter(previous) ? next : previous);
    }
}
