package org.sdqkd.qkd.node.impl.keys;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.AppUsage;

/**
 * The applications configured at this node and what they consumed: which SAE pairs may share keys over which
 * links. SAE IDs written {@code urn:sdqkd:sae:<id>} mean {@code <id>}.
 */
final class Applications {
    private static final String SAE_URN = "urn:sdqkd:sae:";

    private volatile List<AppSpec> apps = List.of();
    private final Map<UUID, AtomicLongArray> usage = new ConcurrentHashMap<>();

    /** Makes the applications these; the usage of kept ones carries on. */
    void apply(final Collection<AppSpec> applications) {
        final List<AppSpec> normalized = applications.stream().map(Applications::normalize).toList();
        final var ids = normalized.stream().map(AppSpec::id).collect(Collectors.toSet());
        usage.keySet().retainAll(ids);
        ids.forEach(id -> usage.computeIfAbsent(id, k -> new AtomicLongArray(2)));
        apps = normalized;
    }

    /** The usage of every application, in configuration order. */
    List<AppUsage> usage() {
        return apps.stream().map(app -> {
            final AtomicLongArray counts = usage.getOrDefault(app.id(), new AtomicLongArray(2));
            return new AppUsage(app.id(), counts.get(0), counts.get(1));
        }).toList();
    }

    /** Counts one key given to one of the application's SAEs. */
    void count(final UUID appId, final long bits) {
        final AtomicLongArray counts = usage.get(appId);
        if (counts != null) {
            counts.incrementAndGet(0);
            counts.addAndGet(1, bits);
        }
    }

    /**
     * The applications in force now that let {@code localSae} at this node share keys with all of {@code remote}.
     *
     * @param localSae the SAE at this node
     * @param remote   the SAEs at the remote node
     * @param now      the time now
     * @return the applications, in configuration order
     */
    List<AppSpec> allowing(final String localSae, final Collection<String> remote, final Instant now) {
        final String local = sae(localSae);
        final List<String> others = remote.stream().map(Applications::sae).toList();
        return apps.stream().filter(app -> app.localSae().equals(local) && app.remoteSaes().containsAll(others)
            && app.expiration().map(now::isBefore).orElse(true)).toList();
    }

    /** Whether an application may use a link: one of its backing links, else any link to its remote node. */
    static boolean uses(final AppSpec app, final LinkSpec link) {
        if (!app.backingLinks().isEmpty()) {
            return app.backingLinks().contains(link.id());
        }
        return app.remoteNode().map(link.remoteNode()::equals).orElse(true);
    }

    /** The SAE ID a configured or presented name means. */
    static String sae(final String name) {
        return name.startsWith(SAE_URN) ? name.substring(SAE_URN.length()) : name;
    }

    private static AppSpec normalize(final AppSpec app) {
        return new AppSpec(app.id(), sae(app.localSae()), app.remoteSaes().stream().map(Applications::sae)
            .collect(Collectors.toSet()), app.backingLinks(), app.remoteNode(), app.expiration());
    }
}
