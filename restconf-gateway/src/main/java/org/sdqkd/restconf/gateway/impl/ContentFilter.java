package org.sdqkd.restconf.gateway.impl;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;

/**
 * {@code content=nonconfig} (RFC 8040 section 4.8.1): the state data (config false) of a tree, with the containers,
 * list entries and keys that lead to it; configuration leaves and subtrees without state are left out.
 */
final class ContentFilter {
    private ContentFilter() {
        // no instances
    }

    /**
     * The state data of a tree.
     *
     * @param node   the tree
     * @param schema its schema context
     * @return the state data, empty when there is none
     */
    static Optional<NormalizedNode> nonConfig(final NormalizedNode node, final DataSchemaContext schema) {
        if (isState(schema.dataSchemaNode())) {
            return Optional.of(node);
        }
        if (!(schema instanceof DataSchemaContext.Composite composite)) {
            return Optional.empty();
        }
        return switch (node) {
            case MapNode list -> Rebuild.list(list, entry -> child(composite, entry)
                .map(MapEntryNode.class::cast)).map(NormalizedNode.class::cast);
            case DataContainerNode container -> {
                final Rebuild.Kept kept = Rebuild.container(container, child -> child(composite, child));
                yield kept.any() ? Optional.of(kept.node()) : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    private static Optional<NormalizedNode> child(final DataSchemaContext.Composite parent,
            final NormalizedNode child) {
        final DataSchemaContext schema = parent.childByArg(child.name());
        return schema == null ? Optional.empty() : nonConfig(child, schema);
    }

    private static boolean isState(final DataSchemaNode node) {
        return node != null && !(node instanceof ChoiceSchemaNode) && !node.effectiveConfig().orElse(Boolean.TRUE);
    }
}
