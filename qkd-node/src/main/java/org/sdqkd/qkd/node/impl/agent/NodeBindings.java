package org.sdqkd.qkd.node.impl.agent;

import java.io.IOException;
import java.util.Optional;
import java.util.ServiceLoader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMResult;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.datastore.YangModels;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The yangtools binding codec of one node: running's {@code qkd_node} (ETSI GS QKD 015, with sdqkd's
 * {@code emulation} augment) as a generated binding object, and the node's state and notifications, built with the
 * generated builders, as NormalizedNodes for the datastore and as XML elements for the NETCONF stream. Creating it
 * takes the class path's binding runtime context ({@link YangModels#projectBindings()}, parsed once per process with
 * the datastore's models) and makes a codec, so the node creates one and keeps it.
 */
public final class NodeBindings {
    /** Where {@code qkd_node} is, as a binding identifier. */
    static final DataObjectIdentifier<QkdNode> QKD_NODE = DataObjectIdentifier.builder(QkdNode.class).build();

    // the JDK's StAX writer, whatever else is on the class path
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final BindingDataCodec codec;
    private final BindingNormalizedNodeSerializer serializer;
    private final YangInstanceIdentifier path;
    private final DocumentBuilderFactory documents;

    private NodeBindings(final BindingDataCodec codec) {
        this.codec = codec;
        this.serializer = codec.nodeSerializer();
        this.path = serializer.toYangInstanceIdentifier(QKD_NODE);
        this.documents = DocumentBuilderFactory.newInstance();
        documents.setNamespaceAware(true);
    }

    /**
     * The codec of the bindings on the class path ({@link YangModels#projectBindings()}, parsed once per process, and
     * the first {@link BindingDataCodecFactory} the {@link ServiceLoader} finds).
     *
     * @return the codec
     */
    public static NodeBindings create() {
        return new NodeBindings(ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no BindingDataCodecFactory on the class path"))
            .newBindingDataCodec(YangModels.projectBindings()));
    }

    /** The datastore path of {@code qkd_node}. */
    YangInstanceIdentifier path() {
        return path;
    }

    /**
     * The {@code qkd_node} held by a datastore root, decoded. The object is lazy: absent leaves with a YANG default
     * read as that default.
     *
     * @param root the datastore's root
     * @return the node's configuration, or empty when the root has none
     */
    public Optional<QkdNode> qkdNode(final ContainerNode root) {
        final DataContainerChild child = root.childByArg(new NodeIdentifier(QkdNode.QNAME));
        if (child == null) {
            return Optional.empty();
        }
        final var decoded = serializer.fromNormalizedNode(path, child);
        if (decoded == null) {
            throw new IllegalStateException("the binding codec cannot decode " + path);
        }
        return Optional.of(QkdNode.class.cast(decoded.getValue()));
    }

    /**
     * A {@code qkd_node} as the datastore holds it.
     *
     * @param node the node built with the generated builders
     * @return the NormalizedNode to write at {@link #path()}
     */
    NormalizedNode normalized(final QkdNode node) {
        return serializer.toNormalizedDataObject(QKD_NODE, node).node();
    }

    /**
     * A notification as data: the binding codec's NormalizedNode of it, named by the notification's QName.
     *
     * @param notification the notification built with the generated builders
     * @return the notification's body
     */
    ContainerNode body(final Notification<?> notification) {
        return serializer.toNormalizedNodeNotification(notification);
    }

    /**
     * A notification as the element {@code NetconfAgent.publish} takes: the notification's element in its module's
     * namespace, its content written by yangtools' XML codec (identity values with their prefixes declared).
     *
     * @param notification the notification built with the generated builders
     * @return the element, in a document of its own
     */
    Element element(final Notification<?> notification) {
        return element(body(notification));
    }

    /**
     * A notification's body, as {@link #body(Notification)} gives it, as the element {@code NetconfAgent.publish}
     * takes.
     *
     * @param body the notification as data
     * @return the element, in a document of its own
     */
    Element element(final ContainerNode body) {
        final QName name = body.name().getNodeType();
        try {
            final Document document = documents.newDocumentBuilder().newDocument();
            final Element element = document.createElementNS(name.getNamespace().toString(), name.getLocalName());
            document.appendChild(element);
            final XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(new DOMResult(element));
            try (NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
                    XMLStreamNormalizedNodeStreamWriter.create(xml, codec.modelContext(), Absolute.of(name)))) {
                for (DataContainerChild child : body.body()) {
                    writer.write(child);
                }
            }
            return element;
        } catch (ParserConfigurationException | XMLStreamException | IOException e) {
            throw new IllegalStateException("notification " + name + " could not be written", e);
        }
    }
}
