package org.sdqkd.restconf.gateway.impl;

import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.YangLibrary;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;

/**
 * The API resource {@code {+restconf}} (RFC 8040 section 3.3: the {@code ietf-restconf:restconf} container with
 * {@code data}, {@code operations} and {@code yang-library-version}) and {@code {+restconf}/yang-library-version}
 * (section 3.3.3). The container is a yang-data template of ietf-restconf, which is not among the loaded models, so
 * these few members are written with Gson's {@code JsonWriter} and StAX, as the errors body is; the version is the
 * revision of the ietf-yang-library module the YANG library is written with.
 */
final class RootResource {
    /** The ietf-restconf namespace (RFC 8040 section 8). */
    static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-restconf";
    private static final String MODULE = "ietf-restconf";
    private static final String VERSION_LEAF = "yang-library-version";
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private RootResource() {
        // no instances
    }

    /** The revision of ietf-yang-library, {@code 2019-01-04}. */
    static String yangLibraryVersion() {
        return YangLibrary.QNAME.getRevision().map(Revision::toString).orElseThrow();
    }

    /** {@code {+restconf}} in an encoding. */
    static byte[] root(final Encoding encoding) {
        return write(encoding, true);
    }

    /** {@code {+restconf}/yang-library-version} in an encoding. */
    static byte[] version(final Encoding encoding) {
        return write(encoding, false);
    }

    private static byte[] write(final Encoding encoding, final boolean whole) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            switch (encoding) {
                case JSON -> json(out, whole);
                case XML -> xml(out, whole);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void json(final ByteArrayOutputStream out, final boolean whole) throws IOException {
        final OutputStreamWriter text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        final JsonWriter json = JsonWriterFactory.createJsonWriter(text, 2);
        json.beginObject();
        if (whole) {
            json.name(MODULE + ":restconf").beginObject();
            json.name("data").beginObject().endObject();
            json.name("operations").beginObject().endObject();
            json.name(VERSION_LEAF).value(yangLibraryVersion());
            json.endObject();
        } else {
            json.name(MODULE + ":" + VERSION_LEAF).value(yangLibraryVersion());
        }
        json.endObject();
        json.flush();
        text.flush();
    }

    private static void xml(final ByteArrayOutputStream out, final boolean whole) throws IOException {
        try {
            final XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            if (whole) {
                xml.writeStartElement(NAMESPACE, "restconf");
                xml.writeDefaultNamespace(NAMESPACE);
                xml.writeEmptyElement(NAMESPACE, "data");
                xml.writeEmptyElement(NAMESPACE, "operations");
                xml.writeStartElement(NAMESPACE, VERSION_LEAF);
            } else {
                xml.writeStartElement(NAMESPACE, VERSION_LEAF);
                xml.writeDefaultNamespace(NAMESPACE);
            }
            xml.writeCharacters(yangLibraryVersion());
            xml.writeEndElement();
            if (whole) {
                xml.writeEndElement();
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("the XML writer failed", e);
        }
    }
}
