package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;
import org.sdqkd.datastore.YangModels;

/**
 * Writes the {@code ietf-restconf:errors} body of a failed request (RFC 8040 section 7.1, the {@code yang-errors}
 * structure of section 8) in the requested encoding: in JSON the top member is module-qualified
 * ({@code "ietf-restconf:errors"}); error-path is an instance identifier in that encoding's form, RFC 7951 section
 * 6.11 in JSON ({@code /module:node/...}) and RFC 7950 section 9.13 in XML (prefixes bound to the namespaces on the
 * {@code error-path} element, written by yangtools' instance-identifier codec).
 */
final class ErrorWriter {
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final ModelCodecs codecs;

    ErrorWriter(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
    }

    /**
     * Writes the errors.
     *
     * @param errors   the errors, in order
     * @param encoding the encoding
     * @param out      where to write; not closed
     * @throws IOException when {@code out} fails
     */
    void write(final List<RestconfError> errors, final Encoding encoding, final OutputStream out)
            throws IOException {
        switch (encoding) {
            case JSON -> writeJson(errors, out);
            case XML -> writeXml(errors, out);
        }
    }

    private void writeJson(final List<RestconfError> errors, final OutputStream out) throws IOException {
        final Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        final JsonWriter json = JsonWriterFactory.createJsonWriter(text, 2);
        json.beginObject().name("ietf-restconf:errors").beginObject().name("error").beginArray();
        for (RestconfError error : errors) {
            json.beginObject();
            json.name("error-type").value(error.type().elementBody());
            json.name("error-tag").value(error.tag().elementBody());
            if (error.appTag().isPresent()) {
                json.name("error-app-tag").value(error.appTag().orElseThrow());
            }
            if (error.path().isPresent()) {
                json.name("error-path").value(jsonPath(error.path().orElseThrow()));
            }
            json.name("error-message").value(error.message());
            json.endObject();
        }
        json.endArray().endObject().endObject();
        json.flush();
        text.flush();
    }

    private String jsonPath(final YangInstanceIdentifier path) {
        return YangModels.dataPath(codecs.context(), path);
    }

    private void writeXml(final List<RestconfError> errors, final OutputStream out) throws IOException {
        try {
            final XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "errors", BodyWriter.RESTCONF_NS);
            xml.writeDefaultNamespace(BodyWriter.RESTCONF_NS);
            for (RestconfError error : errors) {
                xml.writeStartElement(BodyWriter.RESTCONF_NS, "error");
                element(xml, "error-type", error.type().elementBody());
                element(xml, "error-tag", error.tag().elementBody());
                if (error.appTag().isPresent()) {
                    element(xml, "error-app-tag", error.appTag().orElseThrow());
                }
                if (error.path().isPresent()) {
                    xml.writeStartElement(BodyWriter.RESTCONF_NS, "error-path");
                    codecs.xml().instanceIdentifierCodec().writeValue(xml, error.path().orElseThrow());
                    xml.writeEndElement();
                }
                element(xml, "error-message", error.message());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the XML errors", e);
        }
    }

    private static void element(final XMLStreamWriter xml, final String name, final String value)
            throws XMLStreamException {
        xml.writeStartElement(BodyWriter.RESTCONF_NS, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
