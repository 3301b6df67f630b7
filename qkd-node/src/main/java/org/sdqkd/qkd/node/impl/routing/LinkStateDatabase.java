package org.sdqkd.qkd.node.impl.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The advertisements a router holds, one per origin, aging with the router's clock. */
final class LinkStateDatabase {
    private final Map<UUID, Entry> entries = new HashMap<>();

    /**
     * Offers a received or originated advertisement: a higher sequence than the one held is newer and replaces
     * it; the same sequence is a duplicate; a lower one is older.
     */
    Reception offer(final RoutingMessage.Advertisement lsa, final Instant now) {
        final Entry held = entries.get(lsa.origin());
        if (held != null && lsa.sequence() == held.lsa.sequence()) {
            return Reception.DUPLICATE;
        }
        if (held != null && lsa.sequence() < held.lsa.sequence()) {
            return Reception.OLDER;
        }
        entries.put(lsa.origin(), new Entry(lsa, now.minusSeconds(lsa.ageSeconds())));
        return Reception.NEWER;
    }

    Optional<RoutingMessage.Advertisement> get(final UUID origin) {
        return Optional.ofNullable(entries.get(origin)).map(entry -> entry.lsa);
    }

    /** Every advertisement held, each with its current age. */
    List<RoutingMessage.Advertisement> all(final Instant now) {
        final List<RoutingMessage.Advertisement> all = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            all.add(current(entry, now));
        }
        return all;
    }

    /** The held advertisement with its age now. */
    Optional<RoutingMessage.Advertisement> current(final UUID origin, final Instant now) {
        return Optional.ofNullable(entries.get(origin)).map(entry -> current(entry, now));
    }

    /** Removes the advertisements whose age reached {@code maxAge}; true if any was. */
    boolean expire(final Instant now, final Duration maxAge) {
        return entries.values().removeIf(entry -> Duration.between(entry.originated, now).compareTo(maxAge) >= 0);
    }

    Map<UUID, List<RoutingMessage.Adjacency>> adjacencies() {
        final Map<UUID, List<RoutingMessage.Adjacency>> all = new HashMap<>();
        entries.forEach((origin, entry) -> all.put(origin, entry.lsa.adjacencies()));
        return all;
    }

    private static RoutingMessage.Advertisement current(final Entry entry, final Instant now) {
        final long age = Math.max(0, Duration.between(entry.originated, now).toSeconds());
        return entry.lsa.withAge((int) Math.min(age, RoutingCodec.MAX_AGE_SECONDS));
    }

    private record Entry(RoutingMessage.Advertisement lsa, Instant originated) {
    }
}
