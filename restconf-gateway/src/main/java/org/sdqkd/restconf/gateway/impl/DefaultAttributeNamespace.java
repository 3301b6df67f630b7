package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML writer that declares the namespace of RFC 6243's {@code default} attribute, {@code
 * xmlns:wd="urn:ietf:params:xml:ns:netconf:default:1.0"} (section 6), on the document's first element and binds the
 * prefix there, so that the {@code wd:default} attributes yangtools' writer puts on elements below find it bound
 * (yangtools' writer does not declare the namespace of an attribute, and the JDK has no writer delegate to extend).
 * Everything else goes to the writer it wraps.
 */
final class DefaultAttributeNamespace implements XMLStreamWriter {
    /** The namespace of the attribute (RFC 6243 section 6). */
    static final String NAMESPACE = "urn:ietf:params:xml:ns:netconf:default:1.0";
    /** The prefix RFC 6243's examples use. */
    static final String PREFIX = "wd";

    private final XMLStreamWriter delegate;
    private boolean declared;

    DefaultAttributeNamespace(final XMLStreamWriter delegate) {
        this.delegate = requireNonNull(delegate);
    }

    private void declare() throws XMLStreamException {
        if (!declared) {
            declared = true;
            delegate.writeNamespace(PREFIX, NAMESPACE);
            delegate.setPrefix(PREFIX, NAMESPACE);
        }
    }

    @Override
    public void writeStartElement(final String localName) throws XMLStreamException {
        delegate.writeStartElement(localName);
        declare();
    }

    @Override
    public void writeStartElement(final String namespaceURI, final String localName) throws XMLStreamException {
        delegate.writeStartElement(namespaceURI, localName);
        declare();
    }

    @Override
    public void writeStartElement(final String prefix, final String localName, final String namespaceURI)
            throws XMLStreamException {
        delegate.writeStartElement(prefix, localName, namespaceURI);
        declare();
    }

    @Override
    public void writeEmptyElement(final String namespaceURI, final String localName) throws XMLStreamException {
        delegate.writeEmptyElement(namespaceURI, localName);
        declare();
    }

    @Override
    public void writeEmptyElement(final String prefix, final String localName, final String namespaceURI)
            throws XMLStreamException {
        delegate.writeEmptyElement(prefix, localName, namespaceURI);
        declare();
    }

    @Override
    public void writeEmptyElement(final String localName) throws XMLStreamException {
        delegate.writeEmptyElement(localName);
        declare();
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        delegate.writeEndElement();
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        delegate.writeEndDocument();
    }

    @Override
    public void close() throws XMLStreamException {
        delegate.close();
    }

    @Override
    public void flush() throws XMLStreamException {
        delegate.flush();
    }

    @Override
    public void writeAttribute(final String localName, final String value) throws XMLStreamException {
        delegate.writeAttribute(localName, value);
    }

    @Override
    public void writeAttribute(final String prefix, final String namespaceURI, final String localName,
            final String value) throws XMLStreamException {
        delegate.writeAttribute(prefix, namespaceURI, localName, value);
    }

    @Override
    public void writeAttribute(final String namespaceURI, final String localName, final String value)
            throws XMLStreamException {
        delegate.writeAttribute(namespaceURI, localName, value);
    }

    @Override
    public void writeNamespace(final String prefix, final String namespaceURI) throws XMLStreamException {
        delegate.writeNamespace(prefix, namespaceURI);
    }

    @Override
    public void writeDefaultNamespace(final String namespaceURI) throws XMLStreamException {
        delegate.writeDefaultNamespace(namespaceURI);
    }

    @Override
    public void writeComment(final String data) throws XMLStreamException {
        delegate.writeComment(data);
    }

    @Override
    public void writeProcessingInstruction(final String target) throws XMLStreamException {
        delegate.writeProcessingInstruction(target);
    }

    @Override
    public void writeProcessingInstruction(final String target, final String data) throws XMLStreamException {
        delegate.writeProcessingInstruction(target, data);
    }

    @Override
    public void writeCData(final String data) throws XMLStreamException {
        delegate.writeCData(data);
    }

    @Override
    public void writeDTD(final String dtd) throws XMLStreamException {
        delegate.writeDTD(dtd);
    }

    @Override
    public void writeEntityRef(final String name) throws XMLStreamException {
        delegate.writeEntityRef(name);
    }

    @Override
    public void writeStartDocument() throws XMLStreamException {
        delegate.writeStartDocument();
    }

    @Override
    public void writeStartDocument(final String version) throws XMLStreamException {
        delegate.writeStartDocument(version);
    }

    @Override
    public void writeStartDocument(final String encoding, final String version) throws XMLStreamException {
        delegate.writeStartDocument(encoding, version);
    }

    @Override
    public void writeCharacters(final String text) throws XMLStreamException {
        delegate.writeCharacters(text);
    }

    @Override
    public void writeCharacters(final char[] text, final int start, final int len) throws XMLStreamException {
        delegate.writeCharacters(text, start, len);
    }

    @Override
    public String getPrefix(final String uri) throws XMLStreamException {
        return delegate.getPrefix(uri);
    }

    @Override
    public void setPrefix(final String prefix, final String uri) throws XMLStreamException {
        delegate.setPrefix(prefix, uri);
    }

    @Override
    public void setDefaultNamespace(final String uri) throws XMLStreamException {
        delegate.setDefaultNamespace(uri);
    }

    @Override
    public void setNamespaceContext(final NamespaceContext context) throws XMLStreamException {
        delegate.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return delegate.getNamespaceContext();
    }

    @Override
    public Object getProperty(final String name) {
        return delegate.getProperty(name);
    }
}
