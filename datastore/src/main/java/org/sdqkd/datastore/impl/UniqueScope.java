package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Descendant;
import org.opendaylight.yangtools.yang.model.api.stmt.UniqueEffectiveStatement;
import org.sdqkd.datastore.impl.xpath.XNode;

/**
 * The lists whose unique constraints (RFC 7950 section 7.8.3) a change to valid data can have broken, so that
 * validating the change compares the entries of those lists only: a list that got a new entry, an entry that kept its
 * key but has other values where a unique constraint looks, or a change below an entry on the way to such a value.
 * Removing entries, or changing values no unique constraint compares, cannot make two entries' values equal, so a
 * one-leaf change in a list of 10,000 entries does not compare the 10,000 entries again.
 */
final class UniqueScope implements BiPredicate<XNode, ListSchemaNode> {
    private final StructureValidator structure;
    private final Map<XNode, Set<QName>> lists = new IdentityHashMap<>();

    UniqueScope(final StructureValidator structure) {
        this.structure = requireNonNull(structure);
    }

    /**
     * Takes one replaced group of children into account.
     *
     * @param parent     the node whose children were replaced
     * @param removed    the children before
     * @param added      the children after
     * @param schemaPath the schema path of the replaced children, from the root, one name per data node
     */
    void add(final XNode parent, final List<XNode> removed, final List<XNode> added, final List<QName> schemaPath) {
        Map<PathArgument, XNode> before = null;
        for (XNode node : added) {
            if (node.schema() instanceof ListSchemaNode list && !list.getUniqueConstraints().isEmpty()) {
                if (before == null) {
                    before = new HashMap<>();
                    for (XNode old : removed) {
                        before.put(old.pathArgument(), old);
                    }
                }
                final XNode old = before.get(node.pathArgument());
                if (old == null || !sameValues(list, old, node)) {
                    mark(parent, list);
                }
            }
        }
        for (XNode at = parent; at.parent() != null; at = at.parent()) {
            if (at.schema() instanceof ListSchemaNode list && !list.getUniqueConstraints().isEmpty()) {
                final int depth = at.path().getPathArguments().size();
                if (reaches(list, schemaPath.subList(Math.min(depth, schemaPath.size()), schemaPath.size()))) {
                    mark(at.parent(), list);
                }
            }
        }
    }

    /** Whether the unique constraints of {@code list}, a list below {@code node}, are to be checked. */
    @Override
    public boolean test(final XNode node, final ListSchemaNode list) {
        final Set<QName> marked = lists.get(node);
        return marked != null && marked.contains(list.getQName());
    }

    private void mark(final XNode parent, final ListSchemaNode list) {
        lists.computeIfAbsent(parent, p -> new HashSet<>()).add(list.getQName());
    }

    private boolean sameValues(final ListSchemaNode list, final XNode before, final XNode after) {
        for (UniqueEffectiveStatement unique : list.getUniqueConstraints()) {
            if (!structure.uniqueValues(before, unique.argument()).equals(
                    structure.uniqueValues(after, unique.argument()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a change at {@code below} (relative to an entry) can change a value a unique constraint compares. */
    private static boolean reaches(final ListSchemaNode list, final List<QName> below) {
        for (UniqueEffectiveStatement unique : list.getUniqueConstraints()) {
            for (Descendant leaf : unique.argument()) {
                final List<QName> steps = leaf.getNodeIdentifiers();
                if (isPrefix(below, steps) || isPrefix(steps, below)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPrefix(final List<QName> prefix, final List<QName> of) {
        return prefix.size() <= of.size() && of.subList(0, prefix.size()).equals(prefix);
    }
}
