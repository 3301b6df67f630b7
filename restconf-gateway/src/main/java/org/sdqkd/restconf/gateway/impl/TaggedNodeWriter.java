package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter.MetadataExtension;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;

/**
 * Writes data through a codec's stream writer as {@link NormalizedNodeWriter} does (list keys first), and gives the
 * nodes that hold their default value the {@code default} annotation of RFC 6243 (with-defaults=report-all-tagged, RFC
 * 8040 section 4.8.9) through the writer's {@link MetadataExtension}: yangtools' XML writer has that extension and
 * writes the XML attribute {@code wd:default="true"}; for JSON, {@link JsonMetadataWriter} provides it. Tagged, as
 * RFC 6243 section 3.4 asks for every node "considered to contain a default value" (those trim would leave out): a leaf
 * whose value equals its schema default, reported from it or set so by a client, and the entries of a leaf-list whose
 * values are exactly its defaults (RFC 7950 section 7.7.2). The schema of each node is followed from the resource's
 * parent as the data is walked.
 */
final class TaggedNodeWriter extends NormalizedNodeWriter {
    /**
     * The XML attribute of RFC 6243 section 6, {@code default} in {@code urn:ietf:params:xml:ns:netconf:default:1.0}.
     * It is no annotation of a loaded model, so its value is given as text.
     */
    static final QName DEFAULT = QName.create(DefaultAttributeNamespace.NAMESPACE, "default");

    private static final ImmutableMap<QName, Object> TAG = ImmutableMap.of(DEFAULT, "true");

    /** A node being written: its schema (null when unknown) and whether its leaf-list entries are tagged. */
    private record Frame(DataSchemaContext schema, boolean tagEntries) {
    }

    private final MetadataExtension metadata;
    private final DefaultValues defaults;
    private final List<Frame> open = new ArrayList<>();

    private TaggedNodeWriter(final NormalizedNodeStreamWriter writer, final MetadataExtension metadata,
            final DefaultValues defaults, final DataSchemaContext parent) {
        super(writer);
        this.metadata = requireNonNull(metadata);
        this.defaults = requireNonNull(defaults);
        open.add(new Frame(requireNonNull(parent), false));
    }

    /**
     * A writer that tags defaults.
     *
     * @param writer   the codec's stream writer, with the metadata extension
     * @param defaults the default values
     * @param parent   the schema of the parent of the nodes to be written (the datastore root for top-level ones)
     * @return the writer
     * @throws IllegalArgumentException when the stream writer cannot write metadata
     */
    static TaggedNodeWriter of(final NormalizedNodeStreamWriter writer, final DefaultValues defaults,
            final DataSchemaContext parent) {
        final MetadataExtension metadata = writer.extension(MetadataExtension.class);
        if (metadata == null) {
            throw new IllegalArgumentException(writer.getClass().getName() + " writes no metadata");
        }
        return new TaggedNodeWriter(writer, metadata, defaults, parent);
    }

    @Override
    public NormalizedNodeWriter write(final NormalizedNode node) throws IOException {
        final DataSchemaContext parent = open.getLast().schema();
        final DataSchemaContext schema = parent instanceof DataSchemaContext.Composite composite
            ? composite.childByArg(node.name()) : null;
        open.add(new Frame(schema, node instanceof LeafSetNode<?> set && schema != null
            && schema.dataSchemaNode() instanceof LeafListSchemaNode leafList && !defaults.of(leafList).isEmpty()
            && defaults.of(leafList).equals(set.body().stream().map(LeafSetEntryNode::body).toList())));
        try {
            return super.write(node);
        } finally {
            open.removeLast();
        }
    }

    @Override
    protected boolean wasProcessAsSimpleNode(final NormalizedNode node) throws IOException {
        final NormalizedNodeStreamWriter writer = getWriter();
        switch (node) {
            case LeafNode<?> leaf when isDefault(leaf) -> writer.startLeafNode(leaf.name());
            case LeafSetEntryNode<?> entry when open.get(open.size() - 2).tagEntries() ->
                writer.startLeafSetEntryNode(entry.name());
            default -> {
                return super.wasProcessAsSimpleNode(node);
            }
        }
        metadata.metadata(TAG);
        writer.scalarValue(node.body());
        writer.endNode();
        return true;
    }

    private boolean isDefault(final LeafNode<?> leaf) {
        return open.getLast().schema() != null && open.getLast().schema().dataSchemaNode() instanceof LeafSchemaNode
            schema && defaults.of(schema).filter(leaf.body()::equals).isPresent();
    }

    @Override
    protected boolean writeMapEntryNode(final MapEntryNode node) throws IOException {
        final NormalizedNodeStreamWriter writer = getWriter();
        writer.startMapEntryNode(node.name(), node.size());
        final Set<QName> keys = node.name().keySet();
        for (QName key : keys) {
            final DataContainerChild value = node.childByArg(new NodeIdentifier(key));
            if (value != null) {
                write(value);
            }
        }
        for (DataContainerChild child : node.body()) {
            if (!keys.contains(child.name().getNodeType())) {
                write(child);
            }
        }
        writer.endNode();
        return true;
    }
}
