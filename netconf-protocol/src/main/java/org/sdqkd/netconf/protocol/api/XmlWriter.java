package org.sdqkd.netconf.protocol.api;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes a DOM element as compact XML 1.0, declaring each namespace where it is first needed and nowhere else.
 * Explicit {@code xmlns} attributes of the DOM are kept (they may bind prefixes used in text, such as an
 * error-path); the {@code xml} prefix is never declared. Characters XML 1.0 cannot carry become U+FFFD.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder();
    private int generated;

    private XmlWriter() {
        // one per document
    }

    /** The element as a UTF-8 document with an XML declaration. */
    public static byte[] document(final Element root) {
        final XmlWriter writer = new XmlWriter();
        writer.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        writer.element(root, Map.of("", ""));
        return writer.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The element alone, as text. */
    public static String fragment(final Element element) {
        final XmlWriter writer = new XmlWriter();
        writer.element(element, Map.of("", ""));
        return writer.out.toString();
    }

    private void element(final Element element, final Map<String, String> inherited) {
        final Map<String, String> scope = new HashMap<>(inherited);
        final StringBuilder declarations = new StringBuilder();
        final StringBuilder attributes = new StringBuilder();
        final NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            final Attr attr = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                final String prefix = "xmlns".equals(attr.getName()) ? "" : attr.getLocalName();
                declare(scope, declarations, prefix, attr.getValue());
            }
        }
        final String prefix = Objects.requireNonNullElse(element.getPrefix(), "");
        declare(scope, declarations, prefix, Objects.requireNonNullElse(element.getNamespaceURI(), ""));
        for (int i = 0; i < attrs.getLength(); i++) {
            final Attr attr = (Attr) attrs.item(i);
            final String ns = attr.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                continue;
            }
            String name = localName(attr);
            if (XMLConstants.XML_NS_URI.equals(ns)) {
                name = "xml:" + name;
            } else if (ns != null && !ns.isEmpty()) {
                String attrPrefix = attr.getPrefix();
                if (attrPrefix == null || attrPrefix.isEmpty() || !ns.equals(scope.getOrDefault(attrPrefix, ns))) {
                    do {
                        attrPrefix = "ns" + generated++;
                    } while (scope.containsKey(attrPrefix));
                }
                declare(scope, declarations, attrPrefix, ns);
                name = attrPrefix + ':' + name;
            }
            attributes.append(' ').append(name).append("=\"");
            escape(attributes, attr.getValue(), true);
            attributes.append('"');
        }
        final String qualified = prefix.isEmpty() ? localName(element) : prefix + ':' + localName(element);
        out.append('<').append(qualified).append(declarations).append(attributes);
        if (element.getFirstChild() == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) child, scope);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(out, child.getNodeValue(), false);
                default -> {
                    // comments and processing instructions are not written
                }
            }
        }
        out.append("</").append(qualified).append('>');
    }

    private static void declare(final Map<String, String> scope, final StringBuilder declarations,
            final String prefix, final String namespace) {
        if (namespace.equals(scope.get(prefix)) || "xml".equals(prefix)) {
            return;
        }
        scope.put(prefix, namespace);
        declarations.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
        escape(declarations, namespace, true);
        declarations.append('"');
    }

    private static String localName(final Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static void escape(final StringBuilder out, final String text, final boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t', '\n', '\r' -> out.append(attribute || c == '\r' ? "&#" + (int) c + ';' : String.valueOf(c));
                default -> out.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
    }
}
