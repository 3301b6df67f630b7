package org.sdqkd.netconf.protocol.api;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Deep copies of DOM elements into documents of their own, which {@link XmlElement} keeps and hands out.
 */
final class ElementCopy {
    private static final DOMImplementation DOM;

    static {
        try {
            DOM = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ElementCopy() {
        // static only
    }

    /** A new empty document. */
    static Document newDocument() {
        return DOM.createDocument(null, null, null);
    }

    /**
     * A normalized deep copy of the element as the document element of a new document, declaring every namespace
     * prefix that was in scope at the original.
     */
    static Element detached(final Element element) {
        final Document document = newDocument();
        final Element copy = (Element) document.appendChild(document.importNode(element, true));
        declareInheritedNamespaces(element, copy);
        copy.normalize();
        return copy;
    }

    /**
     * The element itself, moved out of its tree into a new document of its own as its document element, with every
     * namespace prefix that was in scope where it was declared on it; normalized.
     */
    static Element adopted(final Element element) {
        // declared on the element itself before it leaves the ancestors that declare them
        declareInheritedNamespaces(element, element);
        final Document document = newDocument();
        final Element moved = (Element) document.appendChild(document.adoptNode(element));
        moved.normalize();
        return moved;
    }

    /**
     * Adds to {@code copy} a declaration of each namespace prefix in scope at {@code original} (declared on one of
     * its ancestors) that {@code copy} does not declare itself.
     */
    private static void declareInheritedNamespaces(final Element original, final Element copy) {
        for (Node node = original.getParentNode(); node instanceof Element ancestor; node = node.getParentNode()) {
            final NamedNodeMap attrs = ancestor.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                final Node attr = attrs.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())
                        && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr.getNodeName(), attr.getNodeValue());
                }
            }
        }
    }
}
