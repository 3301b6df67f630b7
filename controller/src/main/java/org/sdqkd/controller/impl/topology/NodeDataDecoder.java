package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yangtools.binding.BaseNotification;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Document;

/**
 * A node's NETCONF data and notifications as generated bindings: the XML a node sends is parsed by yangtools' XML
 * codec in the project's model context into NormalizedNodes, which the binding codec turns into binding objects.
 * Parsing is lenient about elements the models do not know (another vendor's augments), strict about the values of
 * the ones they know. Safe for use by many threads.
 */
final class NodeDataDecoder {
    private static final DataObjectIdentifier<QkdNode> QKD_NODE = DataObjectIdentifier.builder(QkdNode.class).build();

    private final BindingNormalizedNodeSerializer serializer;
    private final EffectiveModelContext context;
    private final YangInstanceIdentifier qkdNodePath;
    private final EffectiveStatementInference qkdNodeInference;
    private final DocumentBuilderFactory documents;

    NodeDataDecoder(final BindingNormalizedNodeSerializer serializer, final EffectiveModelContext context) {
        this.serializer = requireNonNull(serializer);
        this.context = requireNonNull(context);
        this.qkdNodePath = serializer.toYangInstanceIdentifier(QKD_NODE);
        this.qkdNodeInference = SchemaInferenceStack.ofDataTreePath(context, QkdNode.QNAME).toInference();
        this.documents = DocumentBuilderFactory.newInstance();
        documents.setNamespaceAware(true);
    }

    /**
     * The subtree filter that selects a node's whole {@code qkd_node}: its element, empty, named by the binding.
     *
     * @return the filter's element
     */
    XmlElement qkdNodeFilter() {
        final QName name = QkdNode.QNAME;
        try {
            final Document document = documents.newDocumentBuilder().newDocument();
            document.appendChild(document.createElementNS(name.getNamespace().toString(), name.getLocalName()));
            return XmlElement.adopt(document.getDocumentElement());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
    }

    /**
     * A {@code qkd_node} element of a node's {@code get} reply, decoded.
     *
     * @param element the element
     * @return the binding; lazy, absent leaves with a YANG default read as that default
     * @throws NodeDataException when the element is not a {@code qkd_node} or holds values the models refuse
     */
    QkdNode qkdNode(final XmlElement element) throws NodeDataException {
        if (!QkdNode.QNAME.getNamespace().toString().equals(element.namespace())
                || !QkdNode.QNAME.getLocalName().equals(element.localName())) {
            throw new NodeDataException("not a qkd_node: {" + element.namespace() + "}" + element.localName());
        }
        final NormalizedNode data = parse(element, qkdNodeInference);
        final var decoded = serializer.fromNormalizedNode(qkdNodePath, data);
        if (decoded == null || !(decoded.getValue() instanceof QkdNode node)) {
            throw new NodeDataException("the binding codec cannot decode the qkd_node");
        }
        return node;
    }

    /**
     * A notification's event element, decoded, when it is a notification of the models (such as ETSI GS QKD 015's).
     *
     * @param event the event element of the {@code <notification>}
     * @return the binding, or empty for a notification the models do not define (RFC 6470's, another vendor's)
     * @throws NodeDataException when it is a known notification whose content the models refuse
     */
    Optional<BaseNotification> notification(final XmlElement event) throws NodeDataException {
        final Optional<QName> name = knownNotification(event);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        final Absolute path = Absolute.of(name.orElseThrow());
        final NormalizedNode data = parse(event, SchemaInferenceStack.of(context, path).toInference());
        if (!(data instanceof ContainerNode body)) {
            throw new NodeDataException("notification " + name.orElseThrow() + " is not a container");
        }
        try {
            return Optional.of(serializer.fromNormalizedNodeNotification(path, body));
        } catch (IllegalArgumentException e) {
            throw new NodeDataException("notification " + name.orElseThrow() + ": " + e.getMessage(), e);
        }
    }

    private Optional<QName> knownNotification(final XmlElement event) {
        if (event.namespace().isEmpty()) {
            return Optional.empty();
        }
        final XMLNamespace namespace;
        try {
            namespace = XMLNamespace.of(event.namespace());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return context.findModuleStatements(namespace).stream()
            .map(module -> QName.create(module.localQNameModule(), event.localName()))
            .filter(qname -> context.findNotification(qname).isPresent())
            .findFirst();
    }

    private static NormalizedNode parse(final XmlElement element, final EffectiveStatementInference inference)
            throws NodeDataException {
        final NormalizationResultHolder holder = new NormalizationResultHolder();
        try (XmlParserStream parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder),
                inference, false)) {
            parser.traverse(new DOMSource(element.toElement()));
        } catch (XMLStreamException | IOException | IllegalArgumentException
                | IllegalStateException e) {
            throw new NodeDataException("{" + element.namespace() + "}" + element.localName() + ": "
                + e.getMessage(), e);
        }
        return holder.getResult().data();
    }
}
