package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.netconf.protocol.api.XmlContent;

/**
 * Top-level data nodes selected from a datastore snapshot, written as XML when the reply is sent. For each one an
 * {@link XMLStreamNormalizedNodeStreamWriter} on the reply's own stream writer takes the events: whole nodes through
 * yangtools' {@link NormalizedNodeWriter} (key leaves first, exactly as the datastore's instance document codec
 * writes them), partly selected ones as start and end events around their selected children, in the same order.
 * The writer is flushed, not closed, after each node, since it writes inside the reply's {@code <data>} (STACK.md
 * pitfall 3).
 *
 * @param context the models of the data
 * @param nodes   the top-level selections, in the order of the root's children
 */
record NormalizedData(EffectiveModelContext context, List<SelectedNode> nodes) implements XmlContent {
    NormalizedData {
        requireNonNull(context);
        nodes = List.copyOf(nodes);
    }

    /** Every top-level node of a root, whole. */
    static NormalizedData of(final EffectiveModelContext context, final ContainerNode root) {
        final List<SelectedNode> nodes = new ArrayList<>(root.size());
        for (DataContainerChild child : root.body()) {
            nodes.add(new SelectedNode.Whole(child));
        }
        return new NormalizedData(context, nodes);
    }

    @Override
    public void writeTo(final XMLStreamWriter writer) throws XMLStreamException {
        for (SelectedNode node : nodes) {
            final NormalizedNodeStreamWriter events = XMLStreamNormalizedNodeStreamWriter.create(writer, context);
            final NormalizedNodeWriter whole = NormalizedNodeWriter.forStreamWriter(events);
            try {
                write(node, events, whole);
                whole.flush();
            } catch (IOException e) {
                throw new XMLStreamException("cannot write the data", e);
            }
        }
    }

    private static void write(final SelectedNode selected, final NormalizedNodeStreamWriter events,
            final NormalizedNodeWriter whole) throws IOException {
        switch (selected) {
            case SelectedNode.Whole node -> whole.write(node.node());
            case SelectedNode.Partial partial -> {
                final int size = partial.children().size();
                switch (partial.node()) {
                    case ContainerNode container -> events.startContainerNode(container.name(), size);
                    case MapEntryNode entry -> events.startMapEntryNode(entry.name(), size);
                    case UserMapNode map -> events.startOrderedMapNode(map.name(), size);
                    case MapNode map -> events.startMapNode(map.name(), size);
                    case UserLeafSetNode<?> set -> events.startOrderedLeafSet(set.name(), size);
                    case LeafSetNode<?> set -> events.startLeafSet(set.name(), size);
                    default -> throw new IllegalStateException("not a partial selection: " + partial.node().name());
                }
                for (SelectedNode child : partial.children()) {
                    write(child, events, whole);
                }
                events.endNode();
            }
        }
    }

    /**
     * The children of a container or list entry in the order its XML form has: {@link NormalizedNodeWriter} writes
     * a list entry's key leaves first, then the other children; any other node's children in their own order.
     */
    static List<DataContainerChild> xmlOrder(final DataContainerNode node) {
        if (!(node instanceof MapEntryNode entry)) {
            return List.copyOf(node.body());
        }
        final Set<QName> keys = entry.name().keySet();
        final List<DataContainerChild> ordered = new ArrayList<>(entry.size());
        for (QName key : keys) {
            final DataContainerChild leaf = entry.childByArg(new NodeIdentifier(key));
            if (leaf != null) {
                ordered.add(leaf);
            }
        }
        for (DataContainerChild child : entry.body()) {
            if (!keys.contains(child.name().getNodeType())) {
                ordered.add(child);
            }
        }
        return ordered;
    }
}
