package org.sdqkd.restconf.gateway.impl;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The {@code /.well-known/host-meta} document (RFC 6415) that tells clients where the RESTCONF root is (RFC 8040
 * section 3.1): an XRD with a {@code restconf} link.
 */
final class HostMeta {
    /** The media type of an XRD document. */
    static final String MEDIA_TYPE = "application/xrd+xml";

    private static final String XRD_NS = "http://docs.oasis-open.org/ns/xri/xrd-1.0";

    private HostMeta() {
        // no instances
    }

    /**
     * The document.
     *
     * @param root the RESTCONF root path, such as {@code /restconf}
     * @return the XRD bytes, UTF-8
     */
    static byte[] document(final String root) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            final XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "XRD", XRD_NS);
            xml.writeDefaultNamespace(XRD_NS);
            xml.writeEmptyElement(XRD_NS, "Link");
            xml.writeAttribute("rel", "restconf");
            xml.writeAttribute("href", root);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the host-meta document", e);
        }
        return out.toByteArray();
    }
}
