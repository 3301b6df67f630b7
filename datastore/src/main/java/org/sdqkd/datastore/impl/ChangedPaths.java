package org.sdqkd.datastore.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;

/** The paths a commit changed: the topmost written, deleted, appeared or disappeared nodes of a candidate. */
final class ChangedPaths {
    private ChangedPaths() {
        // no instances
    }

    /** The topmost changed paths of {@code candidate}, in no particular order. */
    static List<YangInstanceIdentifier> of(final DataTreeCandidate candidate) {
        final List<YangInstanceIdentifier> paths = new ArrayList<>();
        collect(candidate.getRootNode(), candidate.getRootPath(), paths);
        return paths;
    }

    /**
     * Whether a candidate node changes nothing: compares the data before and after only at the nodes the
     * modification touched (a write of equal data in the same order, a merge that changed no value), so that the cost
     * follows the size of the change, not of the data around it.
     *
     * @param node a candidate node, such as a candidate's root
     * @return whether its data after equals its data before
     */
    static boolean unchanged(final DataTreeCandidateNode node) {
        return switch (node.modificationType()) {
            case UNMODIFIED -> true;
            case SUBTREE_MODIFIED -> node.childNodes().stream().allMatch(ChangedPaths::unchanged);
            // the order of ordered-by user lists is data too, which equals() does not see: equals() first, as it
            // rejects most changes at once, then the order
            default -> Objects.equals(node.dataBefore(), node.dataAfter())
                && SameContent.of(node.dataBefore(), node.dataAfter());
        };
    }

    private static void collect(final DataTreeCandidateNode node, final YangInstanceIdentifier path,
            final List<YangInstanceIdentifier> paths) {
        final ModificationType type = node.modificationType();
        if (type == ModificationType.UNMODIFIED) {
            return;
        }
        if (type == ModificationType.SUBTREE_MODIFIED) {
            for (DataTreeCandidateNode child : node.childNodes()) {
                collect(child, path.node(child.name()), paths);
            }
            return;
        }
        paths.add(path);
    }
}
