package org.sdqkd.qkd.node.impl.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;

/** This node's links for the router, from the key plane's configuration and live state. */
public final class LocalLinks {
    private LocalLinks() {
    }

    /**
     * Each configured link with its metric now: {@link LinkMetric#of(LinkState)}, or infinite when the key plane
     * does not report the link.
     *
     * @param specs  the links the key plane was given (for each link's remote node)
     * @param states the key plane's reading
     * @return the links, in the order of {@code specs}
     */
    public static List<LocalLink> of(final List<LinkSpec> specs, final List<LinkState> states) {
        final Map<UUID, LinkState> byId = states.stream()
            .collect(Collectors.toMap(LinkState::id, Function.identity(), (a, b) -> b));
        final List<LocalLink> links = new ArrayList<>(specs.size());
        for (LinkSpec spec : specs) {
            final LinkState state = byId.get(spec.id());
            links.add(new LocalLink(spec.id(), spec.remoteNode(),
                state == null ? LinkMetric.INFINITE : LinkMetric.of(state)));
        }
        return links;
    }
}
