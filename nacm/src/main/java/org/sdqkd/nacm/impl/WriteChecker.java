package org.sdqkd.nacm.impl;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.nacm.api.AccessDeniedException;
import org.sdqkd.nacm.api.AccessOperation;

/**
 * Checks a change as the difference of two data trees (RFC 8341 section 3.4.5): a node only in the new tree is
 * created, one only in the old tree deleted, a leaf (or leaf-list, anydata, unkeyed list) that differs updated; a
 * created or deleted subtree is checked node by node where a decision below may differ. Subtrees the change did not
 * touch are the same instances in both trees and are skipped without comparing them.
 */
final class WriteChecker {
    private final ModuleNames modules;
    private final SchemaMarks marks;

    WriteChecker(final ModuleNames modules, final SchemaMarks marks) {
        this.modules = modules;
        this.marks = marks;
    }

    void check(final UserRules rules, final DataContainerNode before, final DataContainerNode after)
            throws AccessDeniedException {
        children(rules, before, after, marks, new DataWalk(modules));
    }

    private void children(final UserRules rules, final DataContainerNode before, final DataContainerNode after,
            final SchemaMarks level, final DataWalk walk) throws AccessDeniedException {
        final Set<NodeIdentifier> names = new LinkedHashSet<>();
        if (before != null) {
            before.body().forEach(c -> names.add(c.name()));
        }
        if (after != null) {
            after.body().forEach(c -> names.add(c.name()));
        }
        for (NodeIdentifier name : names) {
            final DataContainerChild old = before == null ? null : before.childByArg(name);
            final DataContainerChild now = after == null ? null : after.childByArg(name);
            if (old != now) {
                node(rules, old, now, level, walk);
            }
        }
    }

    private void node(final UserRules rules, final DataContainerChild old, final DataContainerChild now,
            final SchemaMarks level, final DataWalk walk) throws AccessDeniedException {
        final DataContainerChild any = now != null ? now : old;
        if (any instanceof ChoiceNode) {
            children(rules, (ChoiceNode) old, (ChoiceNode) now, level, walk);
            return;
        }
        final QName name = any.name().getNodeType();
        if (any instanceof MapNode) {
            list(rules, (MapNode) old, (MapNode) now, level.child(name), walk);
            return;
        }
        walk.push(DataStep.of(name));
        try {
            element(rules, old, now, level.child(name), walk);
        } finally {
            walk.pop();
        }
    }

    private void list(final UserRules rules, final MapNode old, final MapNode now, final SchemaMarks entryMarks,
            final DataWalk walk) throws AccessDeniedException {
        final Set<NodeIdentifierWithPredicates> keys = new LinkedHashSet<>();
        if (old != null) {
            old.body().forEach(e -> keys.add(e.name()));
        }
        if (now != null) {
            now.body().forEach(e -> keys.add(e.name()));
        }
        for (NodeIdentifierWithPredicates key : keys) {
            final MapEntryNode before = old == null ? null : old.childByArg(key);
            final MapEntryNode after = now == null ? null : now.childByArg(key);
            if (before != after) {
                walk.pushEntry(before != null ? before : after);
                try {
                    element(rules, before, after, entryMarks, walk);
                } finally {
                    walk.pop();
                }
            }
        }
    }

    /** A node at the walk's current step: created, deleted, or changed inside. */
    private void element(final UserRules rules, final NormalizedNode old, final NormalizedNode now,
            final SchemaMarks nodeMarks, final DataWalk walk) throws AccessDeniedException {
        final NormalizedNode any = now != null ? now : old;
        final String module = modules.of(walk.steps().getLast().name());
        if (old == null || now == null) {
            final AccessOperation operation = old == null ? AccessOperation.CREATE : AccessOperation.DELETE;
            require(rules, module, operation, nodeMarks, walk);
            if (any instanceof DataContainerNode container && rules.mayDifferBelow(module, walk.steps(), nodeMarks)) {
                children(rules, old == null ? null : container, old == null ? container : null, nodeMarks, walk);
            }
            return;
        }
        if (any instanceof DataContainerNode) {
            children(rules, (DataContainerNode) old, (DataContainerNode) now, nodeMarks, walk);
        } else if (!old.equals(now)) {
            require(rules, module, AccessOperation.UPDATE, nodeMarks, walk);
        }
    }

    private static void require(final UserRules rules, final String module, final AccessOperation operation,
            final SchemaMarks nodeMarks, final DataWalk walk) throws AccessDeniedException {
        if (!rules.mayAccess(module, walk.steps(), operation, nodeMarks)) {
            final String path = walk.print();
            throw new AccessDeniedException("access denied: " + operation.name().toLowerCase(Locale.ROOT)
                + " of " + path, Optional.of(path));
        }
    }
}
