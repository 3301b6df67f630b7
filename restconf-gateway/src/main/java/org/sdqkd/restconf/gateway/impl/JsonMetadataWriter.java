package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter.MetadataExtension;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The RFC 7951 stream writer of yangtools with RFC 7952 metadata for the one annotation the gateway writes,
 * {@code ietf-netconf-with-defaults:default} (RFC 8040 section 4.8.9). yangtools 14's JSON writer has no metadata
 * extension, so this writer passes every event to it and adds the annotation members itself, on the same Gson {@link
 * JsonWriter}, right after the annotated node is complete: {@code "@leaf": {"ietf-netconf-with-defaults:default":
 * true}} for a leaf (RFC 7952 section 5.2.1), and after a leaf-list {@code "@leaf-list": [null, {...}]} with one item
 * per entry, {@code null} for an entry without annotation (section 5.2.2). The name after {@code @} is the node's
 * member name, module-qualified exactly where the codec qualifies it: when its module differs from its parent's, or at
 * the top level.
 */
final class JsonMetadataWriter implements NormalizedNodeStreamWriter, MetadataExtension {
    /** The member name of the annotation (RFC 8040 section 4.8.9: the module name ietf-netconf-with-defaults). */
    static final String DEFAULT_MEMBER = "ietf-netconf-with-defaults:default";

    private enum Kind { LEAF, LEAF_SET, LEAF_SET_ENTRY, OTHER }

    /** An open node: its name, the namespace its children are compared with, and the annotations collected. */
    private static final class Frame {
        private final Kind kind;
        private final QName name;
        private final XMLNamespace parentNamespace;
        private final XMLNamespace namespace;
        private final List<Boolean> entries = new ArrayList<>();
        private boolean tagged;

        Frame(final Kind kind, final QName name, final XMLNamespace parentNamespace, final XMLNamespace namespace) {
            this.kind = kind;
            this.name = name;
            this.parentNamespace = parentNamespace;
            this.namespace = namespace;
        }
    }

    private final NormalizedNodeStreamWriter delegate;
    private final JsonWriter json;
    private final EffectiveModelContext context;
    private final Deque<Frame> open = new ArrayDeque<>();

    /**
     * A writer over the codec's.
     *
     * @param delegate the codec's writer, writing to {@code json}
     * @param json     the Gson writer both write to
     * @param context  the models, for module names
     */
    JsonMetadataWriter(final NormalizedNodeStreamWriter delegate, final JsonWriter json,
            final EffectiveModelContext context) {
        this.delegate = requireNonNull(delegate);
        this.json = requireNonNull(json);
        this.context = requireNonNull(context);
    }

    @Override
    public Collection<? extends Extension> supportedExtensions() {
        return List.of(this);
    }

    @Override
    public void metadata(final ImmutableMap<QName, Object> metadata) {
        for (var annotation : metadata.entrySet()) {
            if (!TaggedNodeWriter.DEFAULT.equals(annotation.getKey()) || !"true".equals(annotation.getValue())) {
                throw new IllegalArgumentException("no JSON form for the annotation " + annotation);
            }
        }
        final Frame current = open.peek();
        if (current == null || current.kind != Kind.LEAF && current.kind != Kind.LEAF_SET_ENTRY) {
            throw new IllegalStateException("the default annotation belongs to a leaf or a leaf-list entry");
        }
        current.tagged = !metadata.isEmpty();
    }

    private XMLNamespace parentNamespace() {
        final Frame parent = open.peek();
        return parent == null ? null : parent.namespace;
    }

    private void push(final Kind kind, final QName name) {
        open.push(new Frame(kind, name, parentNamespace(), name.getNamespace()));
    }

    @Override
    public void startLeafNode(final NodeIdentifier name) throws IOException {
        push(Kind.LEAF, name.getNodeType());
        delegate.startLeafNode(name);
    }

    @Override
    public void startLeafSet(final NodeIdentifier name, final int childSizeHint) throws IOException {
        push(Kind.LEAF_SET, name.getNodeType());
        delegate.startLeafSet(name, childSizeHint);
    }

    @Override
    public void startOrderedLeafSet(final NodeIdentifier name, final int childSizeHint) throws IOException {
        push(Kind.LEAF_SET, name.getNodeType());
        delegate.startOrderedLeafSet(name, childSizeHint);
    }

    @Override
    public void startLeafSetEntryNode(final NodeWithValue<?> name) throws IOException {
        push(Kind.LEAF_SET_ENTRY, name.getNodeType());
        delegate.startLeafSetEntryNode(name);
    }

    @Override
    public void startContainerNode(final NodeIdentifier name, final int childSizeHint) throws IOException {
        push(Kind.OTHER, name.getNodeType());
        delegate.startContainerNode(name, childSizeHint);
    }

    @Override
    public void startUnkeyedList(final NodeIdentifier name, final int childSizeHint) throws IOException {
        push(Kind.OTHER, name.getNodeType());
        delegate.startUnkeyedList(name, childSizeHint);
    }

    @Override
    public void startUnkeyedListItem(final NodeIdentifier name, final int childSizeHint) throws IOException {
        push(Kind.OTHER, name.getNodeType());
        delegate.startUnkeyedListItem(name, childSizeHint);
    }

    @Override
    public void startMapNode(final NodeIdentifier name, final int childSizeHint) throws IOException {
        push(Kind.OTHER, name.getNodeType());
        delegate.startMapNode(name, childSizeHint);
    }

    @Override
    public void startMapEntryNode(final NodeIdentifierWithPredicates identifier, final int childSizeHint)
            throws IOException {
        push(Kind.OTHER, identifier.getNodeType());
        delegate.startMapEntryNode(identifier, childSizeHint);
    }

    @Override
    public void startOrderedMapNode(final NodeIdentifier name, final int childSizeHint) throws IOException {
        push(Kind.OTHER, name.getNodeType());
        delegate.startOrderedMapNode(name, childSizeHint);
    }

    @Override
    public void startChoiceNode(final NodeIdentifier name, final int childSizeHint) throws IOException {
        // a choice is not written: its children are compared with the choice's parent
        open.push(new Frame(Kind.OTHER, name.getNodeType(), parentNamespace(), parentNamespace()));
        delegate.startChoiceNode(name, childSizeHint);
    }

    @Override
    public boolean startAnydataNode(final NodeIdentifier name, final Class<?> objectModel) throws IOException {
        final boolean started = delegate.startAnydataNode(name, objectModel);
        if (started) {
            push(Kind.OTHER, name.getNodeType());
        }
        return started;
    }

    @Override
    public boolean startAnyxmlNode(final NodeIdentifier name, final Class<?> objectModel) throws IOException {
        final boolean started = delegate.startAnyxmlNode(name, objectModel);
        if (started) {
            push(Kind.OTHER, name.getNodeType());
        }
        return started;
    }

    @Override
    public void domSourceValue(final DOMSource value) throws IOException {
        delegate.domSourceValue(value);
    }

    @Override
    public void scalarValue(final Object value) throws IOException {
        delegate.scalarValue(value);
    }

    @Override
    public void nextDataSchemaNode(final DataSchemaNode schema) {
        delegate.nextDataSchemaNode(schema);
    }

    @Override
    public void endNode() throws IOException {
        final Frame ended = open.pop();
        delegate.endNode();
        switch (ended.kind) {
            case LEAF -> {
                if (ended.tagged) {
                    json.name("@" + memberName(ended));
                    annotation();
                }
            }
            case LEAF_SET_ENTRY -> {
                final Frame set = open.peek();
                if (set != null && set.kind == Kind.LEAF_SET) {
                    set.entries.add(ended.tagged);
                }
            }
            case LEAF_SET -> {
                if (ended.entries.contains(Boolean.TRUE)) {
                    json.name("@" + memberName(ended));
                    json.beginArray();
                    for (boolean tagged : ended.entries) {
                        if (tagged) {
                            annotation();
                        } else {
                            json.nullValue();
                        }
                    }
                    json.endArray();
                }
            }
            case OTHER -> {
                // containers and lists carry no annotation here
            }
        }
    }

    private void annotation() throws IOException {
        json.beginObject();
        json.name(DEFAULT_MEMBER);
        json.value(true);
        json.endObject();
    }

    /** The node's member name as RFC 7951 section 4 writes it. */
    private String memberName(final Frame node) {
        if (node.parentNamespace != null && node.parentNamespace.equals(node.name.getNamespace())) {
            return node.name.getLocalName();
        }
        return context.findModule(node.name.getModule()).orElseThrow().getName() + ":" + node.name.getLocalName();
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
