package org.sdqkd.qkd.node.impl.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.RateSource;
import org.sdqkd.qkd.node.api.TraceLoader;

/**
 * What the key plane is given for one configuration: the links this node emulates, the applications that name an SAE
 * at this node, and the links that cannot run, with the reason.
 *
 * @param links        the emulated PHYS links, in configuration order
 * @param applications the applications with a {@code server_app_id}
 * @param failed       links with {@code emulation} that cannot run, with the reason (reported OFF)
 */
record Specs(List<LinkSpec> links, List<AppSpec> applications, Map<UUID, String> failed) {
    /** The prefix of an SAE ID written as a URI. */
    static final String SAE_URN = "urn:sdqkd:sae:";

    /** Copies the components. */
    Specs {
        links = List.copyOf(links);
        applications = List.copyOf(applications);
        failed = Map.copyOf(failed);
    }

    /**
     * Translates a configuration.
     *
     * @param config         the configuration
     * @param self           this node's {@code qkdn_id}
     * @param traceDirectory where relative trace file names are
     * @param loader         reads trace files
     * @return the specs
     */
    static Specs of(final QkdNodeConfig config, final UUID self, final Path traceDirectory, final TraceLoader loader) {
        final List<LinkSpec> links = new ArrayList<>();
        final Map<UUID, String> failed = new LinkedHashMap<>();
        for (QkdNodeConfig.Link link : config.links()) {
            if (link.type() != QkdNodeConfig.LinkType.PHYS || link.emulation().isEmpty()) {
                continue;
            }
            final QkdNodeConfig.Emulation emulation = link.emulation().orElseThrow();
            if (link.localNode().isPresent() && !link.localNode().orElseThrow().equals(self)) {
                failed.put(link.id(), "its local end is node " + link.localNode().orElseThrow() + ", not this node");
                continue;
            }
            if (link.remoteNode().isEmpty()) {
                failed.put(link.id(), "its remote node is not configured");
                continue;
            }
            final RateSource rate;
            switch (emulation.rate()) {
                case QkdNodeConfig.Rate.Fixed fixed -> rate = new RateSource.Fixed(fixed.bitsPerSecond());
                case QkdNodeConfig.Rate.TraceFile file -> {
                    final Path path = traceDirectory.resolve(file.file());
                    try {
                        rate = new RateSource.Trace(loader.load(path).points(), file.loop());
                    } catch (IOException | IllegalArgumentException e) {
                        failed.put(link.id(), "trace " + path + " cannot be read: " + e.getMessage());
                        continue;
                    }
                }
            }
            links.add(new LinkSpec(link.id(), link.enabled(), link.remoteNode().orElseThrow(), emulation.channel(),
                rate, emulation.baselineQber(), emulation.qberThreshold(), emulation.capacity(), emulation.fault(),
                emulation.injectedQber()));
        }
        final List<AppSpec> apps = new ArrayList<>();
        for (QkdNodeConfig.App app : config.applications()) {
            app.serverAppId().ifPresent(server -> apps.add(new AppSpec(app.id(), saeId(server),
                saeIds(app.clientAppIds()), app.backingLinks(), app.remoteNode(), app.expiration())));
        }
        return new Specs(links, apps, failed);
    }

    /** The SAE an application ID names: {@code urn:sdqkd:sae:<id>} is {@code <id>}, anything else itself. */
    static String saeId(final String appId) {
        requireNonNull(appId);
        return appId.startsWith(SAE_URN) ? appId.substring(SAE_URN.length()) : appId;
    }

    private static Set<String> saeIds(final List<String> appIds) {
        final Set<String> out = new LinkedHashSet<>();
        appIds.forEach(id -> out.add(saeId(id)));
        return out;
    }

    /** The reason a link cannot run, if it cannot. */
    Optional<String> failure(final UUID link) {
        return Optional.ofNullable(failed.get(link));
    }
}
