package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;

/**
 * The {@code ietf-yang-patch:yang-patch-status} answer to a YANG Patch (RFC 8072 section 2.3): {@code ok} when every
 * edit was applied; otherwise the errors of the edit that failed under {@code edit-status} (nothing was applied), or
 * the errors of the whole patch (its validation at commit) under {@code errors}. Written like the errors body: the
 * structure is a yang-data template, the error-path in it goes through the instance-identifier codecs.
 *
 * @param patchId the patch-id
 * @param editId  the edit that failed, if one did
 * @param errors  the errors; empty for ok
 */
record YangPatchStatus(String patchId, Optional<String> editId, List<RestconfError> errors) {
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    YangPatchStatus {
        requireNonNull(patchId);
        requireNonNull(editId);
        errors = List.copyOf(errors);
    }

    /** Every edit was applied. */
    static YangPatchStatus ok(final String patchId) {
        return new YangPatchStatus(patchId, Optional.empty(), List.of());
    }

    /**
     * The document.
     *
     * @param encoding the encoding
     * @param writer   writes the error lists
     * @return the bytes
     */
    byte[] write(final Encoding encoding, final ErrorWriter writer) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            switch (encoding) {
                case JSON -> json(out, writer);
                case XML -> xml(out, writer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private void json(final ByteArrayOutputStream out, final ErrorWriter writer) throws IOException {
        final OutputStreamWriter text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        final JsonWriter json = JsonWriterFactory.createJsonWriter(text, 2);
        json.setSerializeNulls(true);
        json.beginObject().name("ietf-yang-patch:yang-patch-status").beginObject();
        json.name("patch-id").value(patchId);
        if (errors.isEmpty()) {
            json.name("ok").beginArray().nullValue().endArray();
        } else if (editId.isPresent()) {
            json.name("edit-status").beginObject().name("edit").beginArray().beginObject();
            json.name("edit-id").value(editId.orElseThrow());
            json.name("errors").beginObject();
            writer.errorList(json, errors);
            json.endObject();
            json.endObject().endArray().endObject();
        } else {
            json.name("errors").beginObject();
            writer.errorList(json, errors);
            json.endObject();
        }
        json.endObject().endObject();
        json.flush();
        text.flush();
    }

    private void xml(final ByteArrayOutputStream out, final ErrorWriter writer) throws IOException {
        final String ns = YangPatchReader.NAMESPACE;
        try {
            final XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("", "yang-patch-status", ns);
            xml.writeDefaultNamespace(ns);
            xml.writeStartElement(ns, "patch-id");
            xml.writeCharacters(patchId);
            xml.writeEndElement();
            if (errors.isEmpty()) {
                xml.writeEmptyElement(ns, "ok");
            } else if (editId.isPresent()) {
                xml.writeStartElement(ns, "edit-status");
                xml.writeStartElement(ns, "edit");
                xml.writeStartElement(ns, "edit-id");
                xml.writeCharacters(editId.orElseThrow());
                xml.writeEndElement();
                xml.writeStartElement(ns, "errors");
                writer.errorList(xml, ns, errors);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            } else {
                xml.writeStartElement(ns, "errors");
                writer.errorList(xml, ns, errors);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("the XML writer failed", e);
        }
    }
}
