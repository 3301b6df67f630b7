package org.sdqkd.netconf.protocol.api;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An immutable XML element: a private deep copy of a DOM element, handed out only as copies, so that messages
 * holding XML content stay immutable. The copy declares every namespace prefix that was in scope where the element
 * was, so prefixes in its content (identityref values, XPath filters) stay bound once it is taken out of its
 * message. Two are equal when they have the same names (namespace and local name), attributes and content,
 * whatever their prefixes and namespace declarations.
 */
public final class XmlElement {
    private final Element element;

    private XmlElement(final Element element) {
        this.element = element;
    }

    /**
     * A copy of a DOM element with everything below it.
     *
     * @param element the element; later changes to it do not show here
     * @return the immutable copy
     */
    public static XmlElement of(final Element element) {
        return new XmlElement(ElementCopy.detached(element));
    }

    /**
     * An element taken out of a DOM tree that nobody else holds, such as a message just parsed, without a copy: it
     * is moved into a document of its own with the namespace declarations in scope where it was, like a copy by
     * {@link #of(Element)}. For large content (a get-config reply), where the copy costs as much as the parse.
     *
     * @param element the element; it leaves its tree, and the caller must not keep or change it
     * @return the immutable element
     */
    public static XmlElement adopt(final Element element) {
        return new XmlElement(ElementCopy.adopted(element));
    }

    /**
     * The document element of a DOM document, copied.
     *
     * @param document the document
     * @return the immutable copy of its document element
     */
    public static XmlElement of(final Document document) {
        return of(document.getDocumentElement());
    }

    /** The element's namespace, empty if it has none. */
    public String namespace() {
        return element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
    }

    /** The element's local name. */
    public String localName() {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }

    /** A new copy of the element, free to change, in a document of its own. */
    public Element toElement() {
        final Document document = ElementCopy.newDocument();
        return (Element) document.appendChild(document.importNode(element, true));
    }

    /**
     * A new copy of the element owned by {@code document}, not yet in its tree.
     *
     * @param document the document that will hold it
     * @return the copy
     */
    public Element importInto(final Document document) {
        return (Element) document.importNode(element, true);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof XmlElement other && DomEquality.sameContent(element, other.element);
    }

    @Override
    public int hashCode() {
        return namespace().hashCode() * 31 + localName().hashCode();
    }

    /** The element as compact XML. */
    @Override
    public String toString() {
        return XmlWriter.fragment(element);
    }
}
