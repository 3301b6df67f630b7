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
 * {@code content=config} (RFC 8040 section 4.8.1) applied to data that may hold state: the configuration only, state
 * (config false) subtrees left out. The gateway's own datastore keeps them apart; a mounted device's answer is
 * trimmed with this, whatever the device sent.
 */
final class ConfigContent {
    private ConfigContent() {
        // no instances
    }

    /**
     * The configuration of a tree.
     *
     * @param node   the tree
     * @param schema its schema context
     * @return the configuration, empty when the tree is state data
     */
    static Optional<NormalizedNode> of(final NormalizedNode node, final DataSchemaContext schema) {
        final DataSchemaNode definition = schema.dataSchemaNode();
        if (definition != null && !(definition instanceof ChoiceSchemaNode)
                && !definition.effectiveConfig().orElse(Boolean.TRUE)) {
            return Optional.empty();
        }
        if (!(schema instanceof DataSchemaContext.Composite composite)) {
            return Optional.of(node);
        }
        return switch (node) {
            case MapNode list -> Rebuild.list(list, entry -> child(composite, entry)
                .map(MapEntryNode.class::cast)).map(NormalizedNode.class::cast);
            case DataContainerNode container -> Optional.of(Rebuild.container(container,
                child -> child(composite, child)).node());
            default -> Optional.of(node);
        };
    }

    private static Optional<NormalizedNode> child(final DataSchemaContext.Composite parent,
            final NormalizedNode child) {
        final DataSchemaContext schema = parent.childByArg(child.name());
        return schema == null ? Optional.empty() : of(child, schema);
    }
}
