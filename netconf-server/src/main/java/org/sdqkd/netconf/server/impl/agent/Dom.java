package org.sdqkd.netconf.server.impl.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers for building and reading operation parameters and data. */
final class Dom {
    private static final DocumentBuilderFactory FACTORY;

    static {
        FACTORY = DocumentBuilderFactory.newInstance();
        FACTORY.setNamespaceAware(true);
    }

    private Dom() {
        // static only
    }

    /** A new empty document (never parsed from text, so no parser settings matter). */
    static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }

    /** A new document element. */
    static Element root(final String namespace, final String name) {
        final Document document = newDocument();
        return (Element) document.appendChild(document.createElementNS(namespace, name));
    }

    /** Appends a child element, with text if {@code text} is not null. */
    static Element append(final Element parent, final String namespace, final String name, final String text) {
        final Element child = parent.getOwnerDocument().createElementNS(namespace, name);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    static String namespace(final Node node) {
        return node.getNamespaceURI() == null ? "" : node.getNamespaceURI();
    }

    static boolean sameName(final Node a, final Node b) {
        return namespace(a).equals(namespace(b)) && a.getLocalName().equals(b.getLocalName());
    }

    static boolean is(final Node node, final String namespace, final String name) {
        return node instanceof Element && name.equals(node.getLocalName()) && namespace.equals(namespace(node));
    }

    static List<Element> childElements(final Node parent) {
        final List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    static Optional<Element> firstChildElement(final Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    static Optional<Element> child(final Node parent, final String namespace, final String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (is(node, namespace, name)) {
                return Optional.of((Element) node);
            }
        }
        return Optional.empty();
    }

    /** Whether an element holds no element, only (possibly empty) text. */
    static boolean isLeafLike(final Element element) {
        return firstChildElement(element).isEmpty();
    }
}
