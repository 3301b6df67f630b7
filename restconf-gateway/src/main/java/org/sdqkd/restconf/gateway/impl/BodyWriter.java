package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * Writes data resources with the yangtools codecs: a node as its own member or element (RFC 8040 section 3.5.1: a
 * list entry as a one-entry list in JSON, as its element in XML), and the datastore root as {@code
 * ietf-restconf:data} holding the top-level nodes (section 3.3.1). JSON member names are module-qualified where RFC
 * 7951 section 4 asks. With {@code with-defaults=report-all-tagged}, nodes holding their default carry the default
 * annotation ({@link TaggedNodeWriter}).
 */
final class BodyWriter {
    /** The namespace of ietf-restconf (RFC 8040 section 8). */
    static final String RESTCONF_NS = "urn:ietf:params:xml:ns:yang:ietf-restconf";

    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final ModelCodecs codecs;
    private final DefaultValues defaults;

    BodyWriter(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
        this.defaults = new DefaultValues(codecs);
    }

    /**
     * Writes a resource.
     *
     * @param target   the resource
     * @param node     its data (the datastore root's container for the root)
     * @param encoding the encoding
     * @param out      where to write; not closed
     * @throws IOException when {@code out} fails
     */
    void write(final ApiPath target, final NormalizedNode node, final Encoding encoding, final OutputStream out)
            throws IOException {
        write(new Answer.Content(target, node), encoding, out);
    }

    /**
     * Writes a resource, with the default annotation on the nodes its content tags (RFC 8040 section 4.8.9).
     *
     * @param content  the resource, its data and its tagged nodes
     * @param encoding the encoding
     * @param out      where to write; not closed
     * @throws IOException when {@code out} fails
     */
    void write(final Answer.Content content, final Encoding encoding, final OutputStream out) throws IOException {
        switch (encoding) {
            case JSON -> writeJson(content.target(), content.data(), content.tagDefaults(), out);
            case XML -> writeXml(content.target(), content.data(), content.tagDefaults(), out);
        }
    }

    /** A node writer over a codec's stream writer, tagging defaults if asked. */
    private NormalizedNodeWriter nodeWriter(final NormalizedNodeStreamWriter writer, final ApiPath target,
            final boolean tags) {
        return tags ? TaggedNodeWriter.of(writer, defaults, writtenParent(target))
            : NormalizedNodeWriter.forStreamWriter(writer);
    }

    /** A JSON node writer: the codec's, with RFC 7952 metadata written beside it when defaults are tagged. */
    private NormalizedNodeWriter jsonWriter(final NormalizedNodeStreamWriter writer, final JsonWriter json,
            final ApiPath target, final boolean tags) {
        return nodeWriter(tags ? new JsonMetadataWriter(writer, json, codecs.context()) : writer, target, tags);
    }

    /**
     * The schema of the parent of what is written: the root's for the root's children; the list's parent for a list
     * entry or leaf-list value, which go out inside their list; the parent's for any other node.
     */
    private DataSchemaContext writtenParent(final ApiPath target) {
        final int steps = target.isRoot() ? 0 : target.path().getPathArguments().size()
            - (target.path().getLastPathArgument() instanceof NodeIdentifier ? 1 : 2);
        return codecs.tree().findChild(target.path().getAncestor(steps)).orElseThrow();
    }

    private void writeJson(final ApiPath target, final NormalizedNode node, final boolean tags,
            final OutputStream out) throws IOException {
        final Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // compact: indented, the 10,000 key associations of the benchmark were 3.8 MB instead of 2.5 MB
        final JsonWriter json = JsonWriterFactory.createJsonWriter(text);
        if (target.isRoot()) {
            json.beginObject();
            json.name("ietf-restconf:data");
            json.beginObject();
            final NormalizedNodeWriter writer = jsonWriter(
                JSONNormalizedNodeStreamWriter.createNestedWriter(codecs.json(), target.inference(), null, json), json,
                target, tags);
            for (DataContainerChild child : ((ContainerNode) node).body()) {
                writer.write(child);
            }
            writer.flush();
            json.endObject();
            json.endObject();
        } else if (node instanceof ContainerNode container && container.body().isEmpty()) {
            // the codec's writer leaves an empty container out entirely; the resource is there, so it is answered as
            // an empty object (as depth=1 asks, RFC 8040 section 4.8.2), module-qualified (RFC 7951 section 4)
            final QName name = container.name().getNodeType();
            json.beginObject();
            json.name(codecs.context().findModule(name.getModule()).orElseThrow().getName() + ":"
                + name.getLocalName());
            json.beginObject().endObject();
            json.endObject();
        } else {
            final NormalizedNodeWriter writer = jsonWriter(
                JSONNormalizedNodeStreamWriter.createExclusiveWriter(codecs.json(), target.parentInference(), null,
                    json), json, target, tags);
            writer.write(wrapped(target, node));
            // the exclusive writer ends its object, and flushes everything, when closed
            writer.close();
            return;
        }
        json.flush();
        text.flush();
    }

    private void writeXml(final ApiPath target, final NormalizedNode node, final boolean tags,
            final OutputStream out) throws IOException {
        try {
            final XMLStreamWriter created = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            final XMLStreamWriter xml = tags ? new DefaultAttributeNamespace(created) : created;
            xml.writeStartDocument("UTF-8", "1.0");
            if (target.isRoot()) {
                xml.writeStartElement("", "data", RESTCONF_NS);
                xml.writeDefaultNamespace(RESTCONF_NS);
                final NormalizedNodeWriter writer = nodeWriter(
                    XMLStreamNormalizedNodeStreamWriter.create(xml, target.inference()), target, tags);
                for (DataContainerChild child : ((ContainerNode) node).body()) {
                    writer.write(child);
                }
                writer.flush();
                xml.writeEndElement();
            } else {
                final NormalizedNodeWriter writer = nodeWriter(
                    XMLStreamNormalizedNodeStreamWriter.create(xml, target.parentInference()), target, tags);
                writer.write(wrapped(target, node));
                writer.flush();
            }
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the XML answer", e);
        }
    }

    /** A list entry or leaf-list value goes out inside its list, which is how both codecs write them. */
    private static NormalizedNode wrapped(final ApiPath target, final NormalizedNode node) {
        final NodeIdentifier list = new NodeIdentifier(node.name().getNodeType());
        if (node instanceof MapEntryNode entry) {
            final boolean userOrdered = target.schema().dataSchemaNode() instanceof ListSchemaNode schema
                && schema.isUserOrdered();
            return userOrdered ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(list).withChild(entry).build()
                : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(list).withChild(entry).build();
        }
        if (node instanceof LeafSetEntryNode<?> entry) {
            @SuppressWarnings("unchecked")
            final LeafSetEntryNode<Object> value = (LeafSetEntryNode<Object>) entry;
            final boolean userOrdered = target.schema().dataSchemaNode() instanceof LeafListSchemaNode schema
                && schema.isUserOrdered();
            return userOrdered ? ImmutableNodes.<Object>newUserLeafSetBuilder().withNodeIdentifier(list)
                    .withChild(value).build()
                : ImmutableNodes.<Object>newSystemLeafSetBuilder().withNodeIdentifier(list).withChild(value).build();
        }
        return node;
    }
}
