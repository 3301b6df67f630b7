package org.sdqkd.restconf.gateway.impl;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** XML readers for request bodies that refuse DTDs and external entities (no entity expansion attacks). */
final class XmlInput {
    private final XMLInputFactory factory;

    XmlInput() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
    }

    /**
     * A reader of a body, at the start of the document.
     *
     * @param body the body's bytes (the encoding comes from its XML declaration, UTF-8 by default)
     * @return the reader
     * @throws XMLStreamException when the reader cannot start
     */
    XMLStreamReader reader(final byte[] body) throws XMLStreamException {
        return factory.createXMLStreamReader(new ByteArrayInputStream(body));
    }
}
