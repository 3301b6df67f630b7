package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Predicate;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.api.schema.builder.ListNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;

/**
 * Carries out {@code with-defaults} (RFC 8040 section 4.8.9) on data as the datastore keeps it (explicit):
 * {@code trim} leaves out leaves equal to their default; {@code report-all} and {@code report-all-tagged} add every
 * absent leaf that has a default, and the defaults of every absent leaf-list that has them (RFC 7950 section 7.7.2),
 * in the containers and list entries present and in absent non-presence containers that then hold one (the tags are
 * the writer's, {@link TaggedNodeWriter}). Leaves and containers under a {@code when} condition, and the cases of
 * choices, get no default added: whether their condition holds is not evaluated here.
 */
final class DefaultsFilter {
    private final DefaultValues defaults;

    DefaultsFilter(final DefaultValues defaults) {
        this.defaults = requireNonNull(defaults);
    }

    /**
     * Applies a mode.
     *
     * @param node    the data
     * @param schema  its schema context
     * @param mode    the mode
     * @param content which nodes may be added (by their config property)
     * @return the data as the mode reports it
     */
    NormalizedNode apply(final NormalizedNode node, final DataSchemaContext schema, final WithDefaults mode,
            final Predicate<DataSchemaNode> content) {
        return switch (mode) {
            case EXPLICIT -> node;
            case TRIM -> walk(node, schema, false, content);
            case REPORT_ALL, REPORT_ALL_TAGGED -> walk(node, schema, true, content);
        };
    }

    private NormalizedNode walk(final NormalizedNode node, final DataSchemaContext schema, final boolean add,
            final Predicate<DataSchemaNode> content) {
        if (!(schema instanceof DataSchemaContext.Composite composite)) {
            return node;
        }
        return switch (node) {
            case MapNode list -> Rebuild.list(list, entry -> Optional.of((MapEntryNode) child(composite, entry, add,
                content).orElse(entry))).map(NormalizedNode.class::cast).orElse(list);
            case DataContainerNode container -> {
                final DataContainerNode kept = Rebuild.container(container, child -> child(composite, child, add,
                    content)).node();
                yield add && !(container instanceof ChoiceNode) ? addDefaults(kept, composite, content) : kept;
            }
            default -> node;
        };
    }

    private Optional<NormalizedNode> child(final DataSchemaContext.Composite parent, final NormalizedNode child,
            final boolean add, final Predicate<DataSchemaNode> content) {
        final DataSchemaContext schema = parent.childByArg(child.name());
        if (schema == null) {
            return Optional.of(child);
        }
        if (!add && child instanceof LeafNode<?> leaf && schema.dataSchemaNode() instanceof LeafSchemaNode leafSchema
                && defaults.of(leafSchema).filter(leaf.body()::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(walk(child, schema, add, content));
    }

    private DataContainerNode addDefaults(final DataContainerNode node, final DataSchemaContext.Composite schema,
            final Predicate<DataSchemaNode> content) {
        if (!(schema.dataSchemaNode() instanceof DataNodeContainer container)) {
            return node;
        }
        final DataContainerNodeBuilder<?, ?> builder = Rebuild.builder(node).withValue(node.body());
        boolean added = false;
        for (DataSchemaNode child : container.getChildNodes()) {
            final NodeIdentifier id = NodeIdentifier.create(child.getQName());
            if (node.childByArg(id) != null || !content.test(child) || child.getWhenCondition().isPresent()) {
                continue;
            }
            if (child instanceof LeafSchemaNode leaf) {
                final Optional<Object> value = defaults.of(leaf);
                if (value.isPresent()) {
                    builder.withChild(ImmutableNodes.leafNode(leaf.getQName(), value.orElseThrow()));
                    added = true;
                }
            } else if (child instanceof LeafListSchemaNode leafList && !defaults.of(leafList).isEmpty()) {
                builder.withChild(leafSet(leafList));
                added = true;
            } else if (child instanceof ContainerSchemaNode inner && !inner.isPresenceContainer()
                    && schema.childByQName(child.getQName()) instanceof DataSchemaContext.Composite innerSchema) {
                final DataContainerNode filled = addDefaults(ImmutableNodes.newContainerBuilder().withNodeIdentifier(id)
                    .build(), innerSchema, content);
                if (!filled.body().isEmpty()) {
                    builder.withChild((DataContainerChild) filled);
                    added = true;
                }
            }
        }
        return added ? builder.build() : node;
    }

    /** An absent leaf-list as its defaults make it. */
    private DataContainerChild leafSet(final LeafListSchemaNode schema) {
        final ListNodeBuilder<Object, ?> builder = schema.isUserOrdered() ? ImmutableNodes.newUserLeafSetBuilder()
            : ImmutableNodes.newSystemLeafSetBuilder();
        builder.withNodeIdentifier(NodeIdentifier.create(schema.getQName()));
        for (Object value : defaults.of(schema)) {
            builder.withChild(ImmutableNodes.leafSetEntry(schema.getQName(), value));
        }
        return (DataContainerChild) builder.build();
    }
}
