package org.sdqkd.netconf.protocol.impl;

import static org.sdqkd.netconf.protocol.api.NetconfMessage.NAMESPACE;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMResult;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.w3c.dom.Element;

/**
 * Writes an {@code rpc-reply} holding {@link ReplyContent.StreamedData} with a StAX writer: straight into a
 * stream, as UTF-8 with an XML declaration, or under a DOM element. The writers repair namespaces, which is what
 * yangtools' {@code XMLStreamNormalizedNodeStreamWriter} expects. Into a stream, Woodstox's writer: it encodes
 * names and text to UTF-8 with about a third of the CPU of the JDK's writer, whose namespace repairing hashes every
 * name it writes (most of the agent's time in a large get-config); under a DOM element, the JDK's.
 */
public final class StreamedReplyXml {
    private static final XMLOutputFactory STREAMS = new WstxOutputFactory();
    private static final XMLOutputFactory DOM = XMLOutputFactory.newDefaultFactory();

    static {
        STREAMS.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        // <?xml version="1.0" ...?> as every other message of the agent begins
        STREAMS.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
        DOM.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
    }

    private StreamedReplyXml() {
        // static only
    }

    /**
     * Writes the whole reply document.
     *
     * @param reply   the reply
     * @param content its content
     * @param out     where the UTF-8 document goes; not closed
     * @throws IOException if the stream or the content fails
     */
    public static void write(final RpcReply reply, final ReplyContent.StreamedData content, final OutputStream out)
            throws IOException {
        try {
            final XMLStreamWriter xml = STREAMS.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("", "rpc-reply", NAMESPACE);
            xml.writeDefaultNamespace(NAMESPACE);
            if (reply.messageId().isPresent()) {
                xml.writeAttribute(RpcReply.MESSAGE_ID, reply.messageId().orElseThrow());
            }
            writeAttributes(xml, reply.attributes());
            xml.writeStartElement("", "data", NAMESPACE);
            content.content().writeTo(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the reply", e);
        }
    }

    /** Writes the content's elements as the children of a DOM element (for the DOM form of a reply). */
    static void writeChildren(final ReplyContent.StreamedData content, final Element parent) {
        try {
            final XMLStreamWriter xml = DOM.createXMLStreamWriter(new DOMResult(parent));
            content.content().writeTo(xml);
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the reply data", e);
        }
    }

    private static void writeAttributes(final XMLStreamWriter xml, final Map<QName, String> attributes)
            throws XMLStreamException {
        for (Map.Entry<QName, String> attribute : attributes.entrySet()) {
            final QName name = attribute.getKey();
            if (name.getNamespaceURI().isEmpty()) {
                xml.writeAttribute(name.getLocalPart(), attribute.getValue());
            } else {
                xml.writeAttribute(name.getPrefix(), name.getNamespaceURI(), name.getLocalPart(),
                    attribute.getValue());
            }
        }
    }
}
