package org.sdqkd.nacm.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.sdqkd.nacm.api.AccessOperation;

/**
 * Removes from a data tree what a requester may not read (RFC 8341 section 3.4.5: "the server MUST silently omit"
 * it). A subtree is looked into only when a decision below it may differ (see {@link UserRules#mayDifferBelow});
 * otherwise it is kept or dropped whole, the snapshot's own node, uncopied.
 */
final class ReadPruner {
    private final ModuleNames modules;
    private final SchemaMarks marks;

    ReadPruner(final ModuleNames modules, final SchemaMarks marks) {
        this.modules = modules;
        this.marks = marks;
    }

    ContainerNode prune(final UserRules rules, final ContainerNode root) {
        final List<DataContainerChild> kept = children(rules, root.body(), marks, new DataWalk(modules), Set.of());
        if (kept == null) {
            return root;
        }
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(root.name()).withValue(kept).build();
    }

    /** The children kept, or null when all are kept unchanged. */
    private List<DataContainerChild> children(final UserRules rules, final Collection<DataContainerChild> body,
            final SchemaMarks level, final DataWalk walk, final Set<QName> keys) {
        final List<DataContainerChild> kept = new ArrayList<>(body.size());
        boolean changed = false;
        for (DataContainerChild child : body) {
            final DataContainerChild result = keys.contains(child.name().getNodeType()) ? child
                : visit(rules, child, level, walk);
            if (result != null) {
                kept.add(result);
            }
            changed |= result != child;
        }
        return changed ? kept : null;
    }

    /** The node as readable, the same instance when unchanged, null when dropped whole. */
    private DataContainerChild visit(final UserRules rules, final DataContainerChild node, final SchemaMarks level,
            final DataWalk walk) {
        return switch (node) {
            case ChoiceNode choice -> {
                final List<DataContainerChild> kept = children(rules, choice.body(), level, walk, Set.of());
                yield kept == null ? choice : kept.isEmpty() ? null
                    : ImmutableNodes.newChoiceBuilder().withNodeIdentifier(choice.name()).withValue(kept).build();
            }
            case MapNode map -> list(rules, map, level.child(map.name().getNodeType()), walk);
            default -> {
                final QName name = node.name().getNodeType();
                final SchemaMarks nodeMarks = level.child(name);
                final String module = modules.of(name);
                walk.push(DataStep.of(name));
                try {
                    if (!rules.mayAccess(module, walk.steps(), AccessOperation.READ, nodeMarks)) {
                        yield null;
                    }
                    if (node instanceof ContainerNode container && rules.mayDifferBelow(module, walk.steps(),
                            nodeMarks)) {
                        final List<DataContainerChild> kept = children(rules, container.body(), nodeMarks, walk,
                            Set.of());
                        yield kept == null ? container : ImmutableNodes.newContainerBuilder()
                            .withNodeIdentifier(container.name()).withValue(kept).build();
                    }
                    yield node;
                } finally {
                    walk.pop();
                }
            }
        };
    }

    private DataContainerChild list(final UserRules rules, final MapNode map, final SchemaMarks entryMarks,
            final DataWalk walk) {
        final List<MapEntryNode> kept = new ArrayList<>(map.size());
        boolean changed = false;
        for (MapEntryNode entry : map.body()) {
            final MapEntryNode result = entry(rules, entry, entryMarks, walk);
            if (result != null) {
                kept.add(result);
            }
            changed |= result != entry;
        }
        if (!changed) {
            return map;
        }
        if (kept.isEmpty()) {
            return null;
        }
        final var builder = map instanceof UserMapNode ? ImmutableNodes.newUserMapBuilder()
            : ImmutableNodes.newSystemMapBuilder();
        builder.withNodeIdentifier(map.name());
        kept.forEach(builder::withChild);
        return builder.build();
    }

    private MapEntryNode entry(final UserRules rules, final MapEntryNode entry, final SchemaMarks entryMarks,
            final DataWalk walk) {
        final String module = modules.of(entry.name().getNodeType());
        walk.pushEntry(entry);
        try {
            if (!rules.mayAccess(module, walk.steps(), AccessOperation.READ, entryMarks)) {
                return null;
            }
            if (!rules.mayDifferBelow(module, walk.steps(), entryMarks)) {
                return entry;
            }
            final List<DataContainerChild> kept = children(rules, entry.body(), entryMarks, walk,
                entry.name().keySet());
            return kept == null ? entry : ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name())
                .withValue(kept).build();
        } finally {
            walk.pop();
        }
    }
}
