package org.sdqkd.controller.impl.schema;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Data of one model context to and from the DOM elements the NETCONF client sends and receives, with yangtools' XML
 * codec only: the enclosing structure of a path ({@link PathStructure}) for subtree filters and edits,
 * {@link XMLStreamNormalizedNodeStreamWriter} for data and RPC input, {@link XmlParserStream} for replies. No XML is
 * built from strings. Thread-safe.
 */
public final class ModelXml {
    // the JDK's StAX writer (it writes into a DOMResult), whatever else is on the class path
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();
    // a DocumentBuilder is not thread-safe: one per thread, from one namespace-aware, secure factory
    private static final ThreadLocal<DocumentBuilder> DOCUMENTS = ThreadLocal.withInitial(ModelXml::newBuilder);

    static {
        OUTPUT.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
    }

    private final EffectiveModelContext context;
    private final DataSchemaContextTree tree;

    /**
     * The codec of a model context.
     *
     * @param context the models
     */
    public ModelXml(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
        this.tree = DataSchemaContextTree.from(context);
    }

    /** The models. */
    public EffectiveModelContext context() {
        return context;
    }

    /**
     * A new empty element, the root of a document of its own.
     *
     * @param name the element's name
     * @return the element
     */
    public static Element newElement(final QName name) {
        final Document document = DOCUMENTS.get().newDocument();
        final Element element = document.createElementNS(name.getNamespace().toString(), name.getLocalName());
        document.appendChild(element);
        return element;
    }

    private static DocumentBuilder newBuilder() {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM", e);
        }
    }

    /**
     * Writes into {@code parent} the nodes that enclose {@code path} (for a list entry, its key leaves), and then,
     * inside the innermost, {@code content}.
     *
     * @param parent  where to write
     * @param path    the path whose structure is written; empty for none
     * @param content what to write inside, or null for nothing
     * @throws IOException when the path or the data do not fit the models
     */
    public void writeAt(final Element parent, final YangInstanceIdentifier path, final NormalizedNode content)
            throws IOException {
        final XMLStreamWriter xml = streamWriter(parent);
        final NormalizedNodeStreamWriter events = XMLStreamNormalizedNodeStreamWriter.create(xml, context);
        try {
            final int opened = PathStructure.open(events, tree, path);
            if (content != null) {
                final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(events);
                writer.write(content);
                writer.flush();
            }
            PathStructure.close(events, opened);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        flush(xml);
    }

    /**
     * Writes the children of an RPC's input into the RPC's element.
     *
     * @param rpcElement the operation's element, named by the RPC
     * @param operation  the RPC's schema path
     * @param input      its input container
     * @throws IOException when the input does not fit the RPC
     */
    public void writeInput(final Element rpcElement, final Absolute operation, final ContainerNode input)
            throws IOException {
        final XMLStreamWriter xml = streamWriter(rpcElement);
        final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
            XMLStreamNormalizedNodeStreamWriter.forInputOf(xml, context, operation));
        for (DataContainerChild child : input.body()) {
            writer.write(child);
        }
        writer.flush();
        flush(xml);
    }

    /**
     * Reads the children of a reply's {@code data} as the datastore's root.
     *
     * @param nodes  the children of {@code <data>}
     * @param strict whether an element the models do not know fails the read (false: it is skipped)
     * @return the root container holding them
     * @throws IOException when they do not fit the models
     */
    public ContainerNode readData(final List<XmlElement> nodes, final boolean strict) throws IOException {
        final Element data = newElement(QName.create(NetconfMessage.NAMESPACE, "data"));
        for (XmlElement node : nodes) {
            data.appendChild(node.importInto(data.getOwnerDocument()));
        }
        return (ContainerNode) parse(data, SchemaInferenceStack.of(context).toInference(), strict);
    }

    /**
     * Reads an RPC's output: the elements of its reply.
     *
     * @param nodes     the reply's output elements
     * @param operation the RPC's schema path
     * @param outputName the name of its output container
     * @return the output container
     * @throws IOException when they do not fit the RPC's output
     */
    public ContainerNode readOutput(final List<XmlElement> nodes, final Absolute operation, final QName outputName)
            throws IOException {
        final Element output = newElement(outputName);
        for (XmlElement node : nodes) {
            output.appendChild(node.importInto(output.getOwnerDocument()));
        }
        final SchemaInferenceStack stack = SchemaInferenceStack.of(context, operation);
        stack.enterSchemaTree(outputName);
        return (ContainerNode) parse(output, stack.toInference(), false);
    }

    private static NormalizedNode parse(final Element element,
            final EffectiveStatementInference inference, final boolean strict)
            throws IOException {
        final NormalizationResultHolder result = new NormalizationResultHolder();
        try (XmlParserStream parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(result),
                inference, strict)) {
            parser.traverse(new DOMSource(element));
        } catch (XMLStreamException | IllegalArgumentException | IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        return result.getResult().data();
    }

    private static XMLStreamWriter streamWriter(final Element parent) throws IOException {
        try {
            return OUTPUT.createXMLStreamWriter(new DOMResult(parent));
        } catch (XMLStreamException e) {
            throw new IOException("cannot write into a DOM element", e);
        }
    }

    private static void flush(final XMLStreamWriter xml) throws IOException {
        try {
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
