package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.Result;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;

/**
 * Writes a notification as RFC 8040 section 6.4 sends it on an event stream, with the yangtools codecs: in XML the
 * RFC 5277 {@code <notification>} element with its {@code eventTime} and the notification's element; in JSON the
 * object {@code {"ietf-restconf:notification":{"eventTime":...,"module:name":{...}}}}. The text has no line breaks,
 * so that it fits one SSE {@code data:} line.
 */
final class NotificationWriter {
    /** The namespace of RFC 5277's notification envelope. */
    static final String NOTIFICATION_NS = "urn:ietf:params:xml:ns:netconf:notification:1.0";

    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final ModelCodecs codecs;

    NotificationWriter(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
    }

    /** The event time in RFC 3339 form, in UTC. */
    static String eventTime(final StreamEvent event) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time().atOffset(ZoneOffset.UTC));
    }

    /**
     * The event as text.
     *
     * @param event    the event
     * @param encoding JSON or XML
     * @return the notification, on one line
     */
    String write(final StreamEvent event, final Encoding encoding) {
        try {
            return switch (encoding) {
                case JSON -> json(event);
                case XML -> xml(event);
            };
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("a notification could not be written to memory", e);
        }
    }

    private String json(final StreamEvent event) throws IOException {
        final StringWriter text = new StringWriter(256);
        final JsonWriter json = JsonWriterFactory.createJsonWriter(text);
        json.beginObject();
        json.name("ietf-restconf:notification");
        json.beginObject();
        json.name("eventTime").value(eventTime(event));
        final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
            JSONNormalizedNodeStreamWriter.createNestedWriter(codecs.json(), NotificationStream.pathOf(event), null,
                json));
        writer.write(event.body());
        writer.flush();
        json.endObject();
        json.endObject();
        json.flush();
        return text.toString();
    }

    private String xml(final StreamEvent event) throws XMLStreamException, IOException {
        final StringWriter text = new StringWriter(256);
        final XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(text);
        writeXml(event, xml);
        xml.flush();
        return text.toString();
    }

    /**
     * Writes the XML form to a result, such as a DOM for a filter.
     *
     * @param event  the event
     * @param result where to write
     * @throws XMLStreamException when the result cannot be written
     * @throws IOException        when the codec fails
     */
    void writeXml(final StreamEvent event, final Result result) throws XMLStreamException, IOException {
        final XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(result);
        writeXml(event, xml);
        xml.flush();
    }

    private void writeXml(final StreamEvent event, final XMLStreamWriter xml) throws XMLStreamException, IOException {
        xml.writeStartElement("", "notification", NOTIFICATION_NS);
        xml.writeDefaultNamespace(NOTIFICATION_NS);
        xml.writeStartElement("", "eventTime", NOTIFICATION_NS);
        xml.writeCharacters(eventTime(event));
        xml.writeEndElement();
        final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
            XMLStreamNormalizedNodeStreamWriter.create(xml, codecs.context(), NotificationStream.pathOf(event)));
        writer.write(event.body());
        writer.flush();
        xml.writeEndElement();
    }
}
