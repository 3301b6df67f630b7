package org.sdqkd.netconf.protocol.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Equality of XML content by names and values, blind to prefixes and namespace declarations. */
final class DomEquality {
    private DomEquality() {
        // static only
    }

    /**
     * Whether two elements have the same namespace and local name, the same attributes other than namespace
     * declarations, and the same children (elements alike by this test, text equal), comments and processing
     * instructions aside.
     */
    public static boolean sameContent(final Element a, final Element b) {
        if (!Objects.equals(a.getNamespaceURI(), b.getNamespaceURI())
                || !Objects.equals(localName(a), localName(b))
                || !attributes(a).equals(attributes(b))) {
            return false;
        }
        final List<Node> childrenA = content(a);
        final List<Node> childrenB = content(b);
        if (childrenA.size() != childrenB.size()) {
            return false;
        }
        for (int i = 0; i < childrenA.size(); i++) {
            final Node x = childrenA.get(i);
            final Node y = childrenB.get(i);
            final boolean same = x instanceof Element ex ? y instanceof Element ey && sameContent(ex, ey)
                : !(y instanceof Element) && Objects.equals(x.getNodeValue(), y.getNodeValue());
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static Map<QName, String> attributes(final Element element) {
        final Map<QName, String> attributes = new HashMap<>();
        final NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            final Node attr = attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                attributes.put(new QName(Objects.requireNonNullElse(attr.getNamespaceURI(), ""), localName(attr)),
                    attr.getNodeValue());
            }
        }
        return attributes;
    }

    private static List<Node> content(final Element element) {
        final List<Node> content = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE, Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> content.add(child);
                default -> {
                    // comments and processing instructions are no content
                }
            }
        }
        return content;
    }

    private static String localName(final Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
}
