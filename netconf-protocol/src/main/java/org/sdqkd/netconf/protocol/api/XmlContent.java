package org.sdqkd.netconf.protocol.api;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XML content that is not held as a DOM but written, when the message is sent, straight to the stream writer of
 * the message's document: the data of a get or get-config reply streamed from a datastore snapshot. It may be
 * written more than once (each time the message is encoded) and must write the same elements each time.
 */
@FunctionalInterface
public interface XmlContent {
    /**
     * Writes the content: complete elements, each declaring the namespaces it uses (the writer repairs
     * namespaces). The writer must be left open and at the depth it was given.
     *
     * @param writer the writer, positioned inside the enclosing element
     * @throws XMLStreamException if the writer fails or the content cannot be written
     */
    void writeTo(XMLStreamWriter writer) throws XMLStreamException;
}
