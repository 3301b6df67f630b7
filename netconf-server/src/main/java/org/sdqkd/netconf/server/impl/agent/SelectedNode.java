package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * What a subtree filter selects of one node of a datastore snapshot: the node whole, or part of it. Nothing is
 * copied: a selection refers to the snapshot's nodes, and {@link NormalizedData} writes it in the order the node's
 * own XML form has.
 */
sealed interface SelectedNode {
    /**
     * The node with everything under it.
     *
     * @param node a node of the snapshot
     */
    record Whole(NormalizedNode node) implements SelectedNode {
        /** Checks the node. */
        public Whole {
            requireNonNull(node);
        }
    }

    /**
     * Some children of a container or list entry, or some entries of a list or leaf-list.
     *
     * @param node     the container, list entry, list or leaf-list
     * @param children what is selected of its children or entries, in the order of its XML form
     */
    record Partial(NormalizedNode node, List<SelectedNode> children) implements SelectedNode {
        /** Checks the node and copies the children. */
        public Partial {
            requireNonNull(node);
            children = List.copyOf(children);
        }
    }
}
