package org.sdqkd.netconf.protocol.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The DOM steps the message forms share: new documents, child elements, element text and namespace scope.
 */
public final class DomNodes {
    private static final DOMImplementation DOM;

    static {
        try {
            DOM = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DomNodes() {
        // static only
    }

    /** A new empty document of the JDK's DOM. */
    public static Document newDocument() {
        return DOM.createDocument(null, null, null);
    }

    /** The element children of a node, in document order. */
    public static List<Element> childElements(final Node parent) {
        final List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** The first child element with the given namespace and local name. */
    public static Optional<Element> child(final Element parent, final String namespace, final String localName) {
        return childElements(parent).stream().filter(e -> is(e, namespace, localName)).findFirst();
    }

    /** Whether an element has the given namespace and local name. */
    public static boolean is(final Element element, final String namespace, final String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** The element's text content without surrounding whitespace. */
    public static String text(final Element element) {
        return element.getTextContent().strip();
    }

    /** Whether the node has text children other than whitespace. */
    public static boolean hasText(final Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Appends a new element in the given namespace, with text content if {@code text} is not null. */
    public static Element append(final Node parent, final String namespace, final String localName,
            final String text) {
        final Document document = parent instanceof Document doc ? doc : parent.getOwnerDocument();
        final Element element = document.createElementNS(namespace, localName);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }
}
