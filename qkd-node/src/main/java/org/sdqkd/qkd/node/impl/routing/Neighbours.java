package org.sdqkd.qkd.node.impl.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** When each neighbour was last heard; one not heard within the dead interval is down. */
final class Neighbours {
    private final Map<UUID, Instant> lastHeard = new HashMap<>();

    /** Records a hello; true if the neighbour was down until now. */
    boolean heard(final UUID neighbour, final Instant now) {
        return lastHeard.put(neighbour, now) == null;
    }

    /** Takes down the neighbours not heard within {@code dead}; true if any was. */
    boolean expire(final Instant now, final Duration dead) {
        return lastHeard.values().removeIf(heard -> Duration.between(heard, now).compareTo(dead) >= 0);
    }

    /** Forgets the neighbours that are no longer at the end of any link; true if any was. */
    boolean retain(final Set<UUID> configured) {
        return lastHeard.keySet().retainAll(configured);
    }

    boolean isUp(final UUID neighbour) {
        return lastHeard.containsKey(neighbour);
    }

    List<UUID> up() {
        return List.copyOf(lastHeard.keySet());
    }
}
