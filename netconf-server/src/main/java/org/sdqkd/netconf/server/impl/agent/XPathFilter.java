package org.sdqkd.netconf.server.impl.agent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentFragment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XPath filtering (RFC 6241 section 8.9, the {@code :xpath} capability): the {@code select} expression is evaluated
 * with the conceptual data tree's root as context node and the filter element's namespace declarations as its
 * prefixes; each selected node is returned with its ancestors, and list entries among those ancestors keep their
 * keys so that the reply identifies them.
 */
final class XPathFilter {
    private XPathFilter() {
        // static only
    }

    /**
     * Filters data.
     *
     * @param data   a {@code <data>} element whose children are the top-level nodes
     * @param filter the {@code <filter type="xpath" select="...">} element
     * @param models the schema, for list keys
     * @return a new {@code <data>} element holding what the expression selects
     * @throws OperationException ({@code invalid-value}) when the expression is not an XPath 1.0 node-set
     *                            expression
     */
    static Element apply(final Element data, final Element filter, final DataXml models) throws OperationException {
        final String select = filter.getAttributeNS(null, "select");
        if (select.isBlank()) {
            throw OperationException.badElement(ErrorTag.MISSING_ATTRIBUTE, "filter",
                "an xpath filter needs a select attribute");
        }
        final Document document = Dom.newDocument();
        final DocumentFragment tree = document.createDocumentFragment();
        for (Element top : Dom.childElements(data)) {
            tree.appendChild(document.importNode(top, true));
        }
        final NodeList selected;
        try {
            final XPath xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new Prefixes(filter));
            final XPathExpression expression = xpath.compile(select);
            selected = (NodeList) expression.evaluate(tree, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            final Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "filter",
                "the select expression is not an XPath 1.0 node-set expression: " + select + ": "
                    + cause.getMessage());
        }
        final Element result = Dom.root(Namespaces.BASE, "data");
        final Map<Node, Element> copies = new IdentityHashMap<>();
        copies.put(tree, result);
        for (int i = 0; i < selected.getLength(); i++) {
            final Node node = selected.item(i);
            final Node element = node instanceof Attr attr ? attr.getOwnerElement()
                : node.getNodeType() == Node.ELEMENT_NODE ? node : node.getParentNode();
            if (element instanceof Element selectedElement) {
                include(selectedElement, copies, models);
            } else if (element == tree) {
                // the root itself: everything
                for (Element top : Dom.childElements(data)) {
                    result.appendChild(result.getOwnerDocument().importNode(top, true));
                }
                return result;
            }
        }
        return result;
    }

    private static void include(final Element selected, final Map<Node, Element> copies, final DataXml models) {
        final Deque<Element> chain = new ArrayDeque<>();
        for (Node node = selected; node instanceof Element e; node = node.getParentNode()) {
            chain.push(e);
        }
        Node parentOriginal = chain.peekFirst().getParentNode();
        Optional<? extends DataNodeContainer> schema = Optional.of(models.context());
        for (Iterator<Element> it = chain.iterator(); it.hasNext();) {
            final Element original = it.next();
            final Element parentCopy = copies.get(parentOriginal);
            if (parentCopy == null) {
                // an ancestor was selected whole: this one is in already
                return;
            }
            final Optional<DataSchemaNode> nodeSchema = schema.flatMap(s -> models.child(s, original));
            if (!it.hasNext()) {
                if (!copies.containsKey(original)) {
                    final Element copy = (Element) parentCopy.getOwnerDocument().importNode(original, true);
                    parentCopy.appendChild(copy);
                    // descendants are in: later selections below stop at this node
                    copies.put(original, null);
                } else if (copies.get(original) != null) {
                    // it was copied partly as an ancestor: replace that with the whole node
                    final Element whole = (Element) parentCopy.getOwnerDocument().importNode(original, true);
                    parentCopy.replaceChild(whole, copies.get(original));
                    copies.put(original, null);
                }
                return;
            }
            Element copy = copies.get(original);
            if (copy == null && !copies.containsKey(original)) {
                copy = (Element) parentCopy.getOwnerDocument().importNode(original, false);
                parentCopy.appendChild(copy);
                copies.put(original, copy);
                if (nodeSchema.orElse(null) instanceof ListSchemaNode list) {
                    for (QName key : list.getKeyDefinition()) {
                        for (Element child : Dom.childElements(original)) {
                            if (Dom.is(child, key.getNamespace().toString(), key.getLocalName())) {
                                final Element keyCopy = (Element) parentCopy.getOwnerDocument().importNode(child,
                                    true);
                                copy.appendChild(keyCopy);
                                copies.put(child, keyCopy);
                            }
                        }
                    }
                }
            }
            parentOriginal = original;
            schema = nodeSchema.filter(DataNodeContainer.class::isInstance).map(DataNodeContainer.class::cast);
        }
    }

    /** The prefixes in scope on the filter element. */
    private record Prefixes(Element scope) implements NamespaceContext {
        @Override
        public String getNamespaceURI(final String prefix) {
            if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
                return XMLConstants.XML_NS_URI;
            }
            final String uri = scope.lookupNamespaceURI(prefix == null || prefix.isEmpty() ? null : prefix);
            return uri == null ? XMLConstants.NULL_NS_URI : uri;
        }

        @Override
        public String getPrefix(final String namespaceUri) {
            return scope.lookupPrefix(namespaceUri);
        }

        @Override
        public Iterator<String> getPrefixes(final String namespaceUri) {
            final String prefix = getPrefix(namespaceUri);
            return prefix == null ? java.util.Collections.emptyIterator()
                : java.util.List.of(prefix).iterator();
        }
    }
}
