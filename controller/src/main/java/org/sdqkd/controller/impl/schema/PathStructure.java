package org.sdqkd.controller.impl.schema;

import java.io.IOException;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerLike;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * The stream events of the nodes that enclose a path, each list entry with its key leaves (a subtree filter's
 * content match, and what an edit of a node inside an entry needs), and a leaf-list entry with its value. What
 * yangtools' {@code YangInstanceIdentifierWriter} does, plus the keys, which it leaves out.
 */
final class PathStructure {
    private static final int UNKNOWN = NormalizedNodeStreamWriter.UNKNOWN_SIZE;

    private PathStructure() {
        // static only
    }

    /**
     * Opens the nodes of a path.
     *
     * @param events where the events go
     * @param tree   the models' data tree
     * @param path   the path; it may end in a leaf-list entry (written whole) but not in a leaf
     * @return how many nodes were opened, to be closed with {@link #close}
     * @throws IOException when the path is not in the models or ends in a leaf
     */
    static int open(final NormalizedNodeStreamWriter events, final DataSchemaContextTree tree,
            final YangInstanceIdentifier path) throws IOException {
        int opened = 0;
        DataSchemaContext current = tree.getRoot();
        for (PathArgument step : path.getPathArguments()) {
            if (!(current instanceof DataSchemaContext.Composite composite)) {
                throw new IOException("nothing can be below " + current.dataSchemaNode().getQName() + " in " + path);
            }
            final DataSchemaContext child = composite.childByArg(step);
            if (child == null) {
                throw new IOException("no node " + step.getNodeType() + " in the device's models at " + path);
            }
            final DataSchemaNode schema = child.dataSchemaNode();
            if (step instanceof NodeIdentifierWithPredicates entry) {
                events.startMapEntryNode(entry, UNKNOWN);
                for (Map.Entry<QName, Object> key : entry.entrySet()) {
                    events.startLeafNode(new NodeIdentifier(key.getKey()));
                    events.scalarValue(key.getValue());
                    events.endNode();
                }
            } else if (step instanceof NodeWithValue<?> value) {
                events.startLeafSetEntryNode(value);
                events.scalarValue(value.getValue());
                events.endNode();
                return opened;
            } else {
                open(events, (NodeIdentifier) step, child, schema, path);
            }
            opened++;
            current = child;
        }
        return opened;
    }

    private static void open(final NormalizedNodeStreamWriter events, final NodeIdentifier step,
            final DataSchemaContext child, final DataSchemaNode schema, final YangInstanceIdentifier path)
            throws IOException {
        final boolean mixin = child instanceof DataSchemaContext.PathMixin;
        if (schema instanceof ListSchemaNode list) {
            if (!mixin) {
                events.startUnkeyedListItem(step, UNKNOWN);
            } else if (list.getKeyDefinition().isEmpty()) {
                events.startUnkeyedList(step, UNKNOWN);
            } else if (list.isUserOrdered()) {
                events.startOrderedMapNode(step, UNKNOWN);
            } else {
                events.startMapNode(step, UNKNOWN);
            }
        } else if (schema instanceof LeafListSchemaNode leafList) {
            if (leafList.isUserOrdered()) {
                events.startOrderedLeafSet(step, UNKNOWN);
            } else {
                events.startLeafSet(step, UNKNOWN);
            }
        } else if (schema instanceof ChoiceSchemaNode) {
            events.startChoiceNode(step, UNKNOWN);
        } else if (schema instanceof ContainerLike) {
            events.startContainerNode(step, UNKNOWN);
        } else {
            throw new IOException(step.getNodeType() + " cannot enclose other nodes (in " + path + ")");
        }
    }

    /**
     * Closes what {@link #open} opened.
     *
     * @param events the events
     * @param opened the count it returned
     * @throws IOException when the writer fails
     */
    static void close(final NormalizedNodeStreamWriter events, final int opened) throws IOException {
        for (int i = 0; i < opened; i++) {
            events.endNode();
        }
    }
}
