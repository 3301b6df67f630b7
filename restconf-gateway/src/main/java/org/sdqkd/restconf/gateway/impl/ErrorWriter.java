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

/**
 * Writes the {@code ietf-restconf:errors} body of a failed request (RFC 8040 section 7.1, the {@code yang-errors}
 * structure of section 8) in the requested encoding: in JSON the top member is module-qualified
 * ({@code "ietf-restconf:errors"}); error-path is an instance identifier in that encoding's form, RFC 7951 section
 * 6.11 in JSON ({@code /module:node/...}) and RFC 7950 section 9.13 in XML (prefixes bound to the namespaces on the
 * {@code error-path} element, written by yangtools' instance-identifier codec).
 */
final class ErrorWriter {
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final Paths paths;

    /** How error-paths are written in each encoding. */
    interface Paths {
        /**
         * The RFC 7951 section 6.11 form of a path.
         *
         * @param path the path
         * @return the text
         */
        String json(YangInstanceIdentifier path);

        /**
         * Writes the RFC 7950 section 9.13 form of a path as the content of the element just started, binding the
         * prefixes it uses on that element.
         *
         * @param xml  the writer, just after the {@code error-path} start tag
         * @param path the path
         * @throws XMLStreamException when the writer fails
         */
        void xml(XMLStreamWriter xml, YangInstanceIdentifier path) throws XMLStreamException;
    }

    /** Error-paths as instance identifiers of the served models. */
    ErrorWriter(final ModelCodecs codecs) {
        requireNonNull(codecs);
        this.paths = new Paths() {
            @Override
            public String json(final YangInstanceIdentifier path) {
                // the codec skips the list and leaf-list steps that only hold entries (DataPaths writes them twice)
                return codecs.json().instanceIdentifierCodec().unparseValue(path).rawString();
            }

            @Override
            public void xml(final XMLStreamWriter xml, final YangInstanceIdentifier path) throws XMLStreamException {
                codecs.xml().instanceIdentifierCodec().writeValue(xml, path);
            }
        };
    }

    /** Error-paths written another way (below a mount point, for example). */
    ErrorWriter(final Paths paths) {
        this.paths = requireNonNull(paths);
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
        json.beginObject().name("ietf-restconf:errors").beginObject();
        errorList(json, errors);
        json.endObject().endObject();
        json.flush();
        text.flush();
    }

    /**
     * Writes the {@code error} list of an {@code errors} container (the yang-errors grouping) as a JSON member.
     *
     * @param json   the writer, inside the errors object
     * @param errors the errors
     * @throws IOException when the writer fails
     */
    void errorList(final JsonWriter json, final List<RestconfError> errors) throws IOException {
        json.name("error").beginArray();
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
        json.endArray();
    }

    private String jsonPath(final YangInstanceIdentifier path) {
        return paths.json(path);
    }

    private void writeXml(final List<RestconfError> errors, final OutputStream out) throws IOException {
        try {
            final XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "errors", BodyWriter.RESTCONF_NS);
            xml.writeDefaultNamespace(BodyWriter.RESTCONF_NS);
            errorList(xml, BodyWriter.RESTCONF_NS, errors);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the XML errors", e);
        }
    }

    /**
     * Writes the {@code error} elements of an {@code errors} container (the yang-errors grouping).
     *
     * @param xml       the writer, inside the errors element
     * @param namespace the namespace the grouping is used in
     * @param errors    the errors
     * @throws XMLStreamException when the writer fails
     */
    void errorList(final XMLStreamWriter xml, final String namespace, final List<RestconfError> errors)
            throws XMLStreamException {
        for (RestconfError error : errors) {
            xml.writeStartElement(namespace, "error");
            element(xml, namespace, "error-type", error.type().elementBody());
            element(xml, namespace, "error-tag", error.tag().elementBody());
            if (error.appTag().isPresent()) {
                element(xml, namespace, "error-app-tag", error.appTag().orElseThrow());
            }
            if (error.path().isPresent()) {
                xml.writeStartElement(namespace, "error-path");
                paths.xml(xml, error.path().orElseThrow());
                xml.writeEndElement();
            }
            element(xml, namespace, "error-message", error.message());
            xml.writeEndElement();
        }
    }

    private static void element(final XMLStreamWriter xml, final String namespace, final String name,
            final String value) throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
