package org.sdqkd.datastore.impl;

import java.util.Iterator;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;

/**
 * Whether two datastore contents are the same, order of ordered-by user lists and leaf-lists included (RFC 7950
 * section 7.7.7: their order is part of the data). yangtools' {@code equals} holds for a leaf-list whose values were
 * only reordered, so a commit that only moves a value would otherwise be taken for no change. Subtrees the two
 * contents share are the same instance and are not walked.
 */
final class SameContent {
    private SameContent() {
        // no instances
    }

    /**
     * Compares two nodes.
     *
     * @param before one node
     * @param after  the other
     * @return whether they hold the same data in the same order
     */
    static boolean of(final NormalizedNode before, final NormalizedNode after) {
        if (before == after) {
            return true;
        }
        if (before == null || after == null) {
            return false;
        }
        if (!before.name().equals(after.name())) {
            return false;
        }
        if (before instanceof UserLeafSetNode<?> || before instanceof UserMapNode) {
            return after instanceof NormalizedNodeContainer<?> ordered
                && inOrder((NormalizedNodeContainer<?>) before, ordered);
        }
        // implementation classes may differ for the same data (lazy and immutable nodes): only kinds are compared
        if (before instanceof DistinctNodeContainer<?, ?> first
                && after instanceof DistinctNodeContainer<?, ?> second) {
            if (first.size() != second.size()) {
                return false;
            }
            for (NormalizedNode child : first.body()) {
                final Optional<NormalizedNode> other = find(second, child);
                if (other.isEmpty() || !of(child, other.orElseThrow())) {
                    return false;
                }
            }
            return true;
        }
        return before.equals(after);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<NormalizedNode> find(final DistinctNodeContainer container, final NormalizedNode child) {
        return Optional.ofNullable((NormalizedNode) container.childByArg(child.name()));
    }

    private static boolean inOrder(final NormalizedNodeContainer<?> before, final NormalizedNodeContainer<?> after) {
        if (before.size() != after.size()) {
            return false;
        }
        final Iterator<? extends NormalizedNode> first = before.body().iterator();
        final Iterator<? extends NormalizedNode> second = after.body().iterator();
        while (first.hasNext()) {
            if (!of(first.next(), second.next())) {
                return false;
            }
        }
        return true;
    }
}
