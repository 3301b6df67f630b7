package org.sdqkd.restconf.gateway.impl;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * {@code depth} (RFC 8040 section 4.8.2): the target is at depth 1 and each child one deeper; nodes deeper than the
 * limit are left out. A list and its entries count as one level, choices and cases as none, and the keys of a list
 * entry are always kept, so every entry answered can be named.
 */
final class DepthLimit {
    private DepthLimit() {
        // no instances
    }

    /**
     * The tree cut at a depth.
     *
     * @param node the target, at depth 1
     * @param max  the deepest level to keep, at least 1
     * @return the cut tree
     */
    static NormalizedNode of(final NormalizedNode node, final int max) {
        return limit(node, 1, max);
    }

    private static NormalizedNode limit(final NormalizedNode node, final int level, final int max) {
        return switch (node) {
            case MapNode list -> Rebuild.list(list, entry -> Optional.of(
                (MapEntryNode) limit(entry, level, max)))
                .map(NormalizedNode.class::cast).orElse(list);
            case DataContainerNode container -> Rebuild.container(container, child -> {
                final int childLevel = child instanceof ChoiceNode ? level : level + 1;
                if (childLevel > max) {
                    return Optional.empty();
                }
                final NormalizedNode kept = limit(child, childLevel, max);
                return kept instanceof ChoiceNode choice && choice.body().isEmpty() ? Optional.empty()
                    : Optional.of(kept);
            }).node();
            default -> node;
        };
    }
}
