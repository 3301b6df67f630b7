package org.sdqkd.restconf.gateway.impl;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Copies of data trees with some children changed or left out: what the query parameters of RFC 8040 section 4.8
 * (content, depth, fields, with-defaults) are built on. The key leaves of list entries are always kept.
 */
final class Rebuild {
    private Rebuild() {
        // no instances
    }

    /**
     * A copy of a container, list entry or choice with each child replaced by what a function makes of it.
     *
     * @param node     the node
     * @param children what to keep of a child: empty to leave it out; not called for the keys of a list entry
     * @return the copy, and whether any child other than a key was kept
     */
    static Kept container(final DataContainerNode node,
            final Function<DataContainerChild, Optional<? extends NormalizedNode>> children) {
        final Set<QName> keys = node instanceof MapEntryNode entry ? entry.name().keySet() : Set.of();
        final DataContainerNodeBuilder<?, ?> builder = builder(node);
        boolean any = false;
        for (DataContainerChild child : node.body()) {
            if (keys.contains(child.name().getNodeType())) {
                builder.withChild(child);
                continue;
            }
            final Optional<? extends NormalizedNode> kept = children.apply(child);
            if (kept.isPresent()) {
                builder.withChild((DataContainerChild) kept.orElseThrow());
                any = true;
            }
        }
        return new Kept(builder.build(), any);
    }

    /**
     * A copy of a list with each entry replaced by what a function makes of it.
     *
     * @param list    the list
     * @param entries what to keep of an entry: empty to leave it out
     * @return the copy, empty when no entry is kept
     */
    static Optional<MapNode> list(final MapNode list, final Function<MapEntryNode, Optional<MapEntryNode>> entries) {
        final var builder = list instanceof UserMapNode
            ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(list.name())
            : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(list.name());
        boolean any = false;
        for (MapEntryNode entry : list.body()) {
            final Optional<MapEntryNode> kept = entries.apply(entry);
            if (kept.isPresent()) {
                builder.withChild(kept.orElseThrow());
                any = true;
            }
        }
        return any ? Optional.of(builder.build()) : Optional.empty();
    }

    /** A builder of a node like this one: same kind, same identifier, no children yet. */
    static DataContainerNodeBuilder<?, ?> builder(final DataContainerNode node) {
        return switch (node) {
            case ContainerNode container -> ImmutableNodes.newContainerBuilder().withNodeIdentifier(container.name());
            case MapEntryNode entry -> ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name());
            case ChoiceNode choice -> ImmutableNodes.newChoiceBuilder().withNodeIdentifier(choice.name());
            default -> throw new IllegalArgumentException("not a container, list entry or choice: " + node.name());
        };
    }

    /**
     * A rebuilt node.
     *
     * @param node the copy
     * @param any  whether a child other than a list key was kept
     */
    record Kept(DataContainerNode node, boolean any) {
    }
}
