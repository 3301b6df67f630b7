package org.sdqkd.netconf.server.impl.agent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
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
            final XPathExpression expression = xpath.compile(anyNamespace(select));
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

    /**
     * Rewrites each element name test without a prefix, such as {@code sessions}, into one that matches that local
     * name in any namespace. In XPath 1.0 such a name matches only elements without a namespace, and no YANG data
     * node is one, so an unprefixed name can only mean "this name, whatever its module": yangcli sends such
     * expressions ({@code /netconf-state/sessions}), and netconfd answers them the same way. Prefixed names,
     * attributes, functions, axes, variables, literals and operators are kept.
     */
    static String anyNamespace(final String expression) {
        final StringBuilder out = new StringBuilder(expression.length() + 32);
        boolean afterOperand = false;
        int i = 0;
        while (i < expression.length()) {
            final char c = expression.charAt(i);
            if (c == '"' || c == '\'') {
                final int end = expression.indexOf(c, i + 1);
                final int stop = end < 0 ? expression.length() : end + 1;
                out.append(expression, i, stop);
                i = stop;
                afterOperand = true;
            } else if (isNameStart(c)) {
                int end = i + 1;
                while (end < expression.length() && isNameChar(expression.charAt(end))) {
                    end++;
                }
                final String name = expression.substring(i, end);
                final char before = previous(expression, i);
                final int nextAt = skipSpaces(expression, end);
                final char next = nextAt < expression.length() ? expression.charAt(nextAt) : 0;
                final boolean prefixed = next == ':' && (nextAt + 1 >= expression.length()
                    || expression.charAt(nextAt + 1) != ':');
                final boolean operator = afterOperand && List.of("and", "or", "div", "mod").contains(name);
                if (prefixed) {
                    // a prefix: copy it with its colon and the local name after it
                    int localEnd = nextAt + 1;
                    while (localEnd < expression.length() && (isNameChar(expression.charAt(localEnd))
                            || expression.charAt(localEnd) == '*')) {
                        localEnd++;
                    }
                    out.append(expression, i, localEnd);
                    i = localEnd;
                    afterOperand = true;
                    continue;
                }
                if (operator || next == '(' || next == ':' || before == '@' || before == '$') {
                    out.append(name);
                    afterOperand = !operator && next != '(';
                } else {
                    out.append("*[local-name()='").append(name).append("']");
                    afterOperand = true;
                }
                i = end;
            } else {
                out.append(c);
                if (c == '*') {
                    // after an operand it multiplies; elsewhere it is the name test "any element"
                    afterOperand = !afterOperand;
                } else if (!Character.isWhitespace(c)) {
                    afterOperand = c == ')' || c == ']' || c == '.' || Character.isDigit(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isNameStart(final char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNameChar(final char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static char previous(final String text, final int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 ? 0 : text.charAt(i);
    }

    private static int skipSpaces(final String text, final int index) {
        int i = index;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
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
                : List.of(prefix).iterator();
        }
    }
}
