package org.sdqkd.netconf.protocol.impl;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sdqkd.netconf.protocol.api.XmlParseException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds a namespace-aware DOM from a {@link LimitedStreamReader}, so that the DOM never sees a DTD. Namespace
 * declarations become {@code xmlns} attributes, as a DOM parser would make them; comments and processing
 * instructions are dropped.
 */
public final class DomBuilder {
    private DomBuilder() {
        // static only
    }

    /**
     * Reads the whole document.
     *
     * @param reader the reader, at the start of the document; closed when done
     * @return the document
     * @throws XmlParseException if the document is refused
     */
    public static Document build(final XMLStreamReader reader) throws XmlParseException {
        return build(reader, null);
    }

    /**
     * Reads the whole document, letting a diversion read the content of some elements instead of the DOM: such an
     * element stays in the DOM, empty.
     *
     * @param reader    the reader, at the start of the document; closed when done
     * @param diversion asked at each start tag, or null
     * @return the document
     * @throws XmlParseException if the document is refused
     */
    public static Document build(final XMLStreamReader reader, final Diversion diversion) throws XmlParseException {
        final Document document = DomNodes.newDocument();
        // the parser has checked every name and the structure: the DOM's own checks on each insertion would only
        // repeat that (they are back on for whoever changes the document later)
        document.setStrictErrorChecking(false);
        Node current = document;
        int depth = 0;
        try {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        final Node started = current.appendChild(element(document, reader));
                        if (diversion == null || !diversion.divert((Element) started, depth + 1, reader)) {
                            current = started;
                            depth++;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        current = current.getParentNode();
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (current != document) {
                            current.appendChild(document.createTextNode(reader.getText()));
                        }
                    }
                    default -> {
                        // comments, processing instructions, document start and end
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw refusal(e);
        }
        if (document.getDocumentElement() == null) {
            throw new XmlParseException(XmlParseException.Reason.NOT_WELL_FORMED, "no document element", null);
        }
        document.setStrictErrorChecking(true);
        return document;
    }

    /** Reads the content of some elements itself, instead of the DOM. */
    @FunctionalInterface
    public interface Diversion {
        /**
         * Called at each start tag, once its element is in the DOM (with its attributes, without content).
         *
         * @param element the element
         * @param depth   its depth, 1 for the document element
         * @param reader  the reader, on the start tag
         * @return true if it has read the element's content, leaving the reader on its end tag
         * @throws XMLStreamException if the document is not well-formed
         */
        boolean divert(Element element, int depth, XMLStreamReader reader) throws XMLStreamException;
    }

    /** The exception for a failure of the StAX parser: our refusal, or else a document not well-formed. */
    static XmlParseException refusal(final XMLStreamException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XmlParseException refused) {
                return refused;
            }
        }
        final String message = String.valueOf(failure.getMessage()).replace("\n", " ");
        return new XmlParseException(XmlParseException.Reason.NOT_WELL_FORMED, "XML not well-formed: " + message,
            failure);
    }

    private static Element element(final Document document, final XMLStreamReader reader) {
        final Element element = document.createElementNS(emptyToNull(reader.getNamespaceURI()),
            qualified(reader.getPrefix(), reader.getLocalName()));
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            final String prefix = reader.getNamespacePrefix(i);
            final String uri = reader.getNamespaceURI(i);
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri == null ? "" : uri);
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            element.setAttributeNS(emptyToNull(reader.getAttributeNamespace(i)),
                qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                reader.getAttributeValue(i));
        }
        return element;
    }

    private static String qualified(final String prefix, final String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ':' + localName;
    }

    private static String emptyToNull(final String namespace) {
        return namespace == null || namespace.isEmpty() ? null : namespace;
    }
}
