package org.sdqkd.restconf.gateway.impl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * Reads the {@code ietf-yang-patch:yang-patch} envelope of a YANG Patch request (RFC 8072 section 2.2) in JSON or XML.
 * The envelope is a yang-data structure whose {@code value} is anydata, which the yangtools JSON parser does not
 * read, so the envelope's few fixed members are read here; each value is kept as text and read by the codecs at its
 * edit's target ({@link BodyReader}), like a PUT body.
 */
final class YangPatchReader {
    /** The ietf-yang-patch namespace. */
    static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-yang-patch";
    /** The JSON name of the envelope. */
    static final String JSON_ROOT = "ietf-yang-patch:yang-patch";
    private static final Set<String> EDIT_MEMBERS = Set.of("edit-id", "operation", "target", "point", "where",
        "value");
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final XmlInput xmlInput = new XmlInput();

    /**
     * Reads a patch.
     *
     * @param encoding the body's encoding
     * @param body     the body
     * @return the patch
     * @throws RestconfException 400 malformed-message for a body that does not parse, unknown-element for a member
     *                           the structure does not have, invalid-value for a missing or bad one
     */
    YangPatch read(final Encoding encoding, final byte[] body) throws RestconfException {
        return switch (encoding) {
            case JSON -> json(body);
            case XML -> xml(body);
        };
    }

    private static YangPatch json(final byte[] body) throws RestconfException {
        final JsonElement parsed;
        try {
            parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw RestconfException.malformed("the YANG Patch is not JSON: " + e.getMessage());
        }
        if (!parsed.isJsonObject() || parsed.getAsJsonObject().size() != 1 || !parsed.getAsJsonObject().has(JSON_ROOT)
                || !parsed.getAsJsonObject().get(JSON_ROOT).isJsonObject()) {
            throw invalid("a YANG Patch body is one object {\"" + JSON_ROOT + "\": {...}}");
        }
        final JsonObject patch = parsed.getAsJsonObject().getAsJsonObject(JSON_ROOT);
        for (String member : patch.keySet()) {
            if (!Set.of("patch-id", "comment", "edit").contains(member)) {
                throw unknown("yang-patch has no member " + member);
            }
        }
        final List<YangPatch.Edit> edits = new ArrayList<>();
        if (patch.has("edit")) {
            if (!patch.get("edit").isJsonArray()) {
                throw invalid("edit is a list: a JSON array");
            }
            final JsonArray array = patch.getAsJsonArray("edit");
            for (JsonElement element : array) {
                if (!element.isJsonObject()) {
                    throw invalid("each edit is a JSON object");
                }
                final JsonObject edit = element.getAsJsonObject();
                for (String member : edit.keySet()) {
                    if (!EDIT_MEMBERS.contains(member)) {
                        throw unknown("edit has no member " + member);
                    }
                }
                final Optional<String> value = Optional.ofNullable(edit.get("value")).map(JsonElement::toString);
                edits.add(edit(text(edit, "edit-id"), text(edit, "operation"), text(edit, "target"), value,
                    optionalText(edit, "where"), optionalText(edit, "point")));
            }
        }
        return new YangPatch(text(patch, "patch-id"), edits);
    }

    private static String text(final JsonObject object, final String member) throws RestconfException {
        final JsonElement value = object.get(member);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw invalid("the member " + member + " is missing or not a string");
        }
        return value.getAsString();
    }

    private static Optional<String> optionalText(final JsonObject object, final String member)
            throws RestconfException {
        return object.has(member) ? Optional.of(text(object, member)) : Optional.empty();
    }

    private YangPatch xml(final byte[] body) throws RestconfException {
        try {
            final XMLStreamReader reader = xmlInput.reader(body);
            reader.nextTag();
            requireElement(reader, "yang-patch");
            String patchId = null;
            final List<YangPatch.Edit> edits = new ArrayList<>();
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                requireNamespace(reader);
                switch (reader.getLocalName()) {
                    case "patch-id" -> patchId = reader.getElementText();
                    case "comment" -> reader.getElementText();
                    case "edit" -> edits.add(xmlEdit(reader));
                    default -> throw unknown("yang-patch has no element " + reader.getLocalName());
                }
            }
            if (patchId == null) {
                throw invalid("the element patch-id is missing");
            }
            return new YangPatch(patchId, edits);
        } catch (XMLStreamException e) {
            throw RestconfException.malformed("the YANG Patch is not well-formed XML: " + e.getMessage());
        }
    }

    private static YangPatch.Edit xmlEdit(final XMLStreamReader reader) throws XMLStreamException, RestconfException {
        final Map<String, String> texts = new HashMap<>();
        Optional<String> value = Optional.empty();
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            requireNamespace(reader);
            final String name = reader.getLocalName();
            if (!EDIT_MEMBERS.contains(name)) {
                throw unknown("edit has no element " + name);
            }
            if ("value".equals(name)) {
                value = Optional.of(copyValue(reader));
            } else {
                texts.put(name, reader.getElementText());
            }
        }
        return edit(required(texts, "edit-id"), required(texts, "operation"), required(texts, "target"), value,
            Optional.ofNullable(texts.get("where")), Optional.ofNullable(texts.get("point")));
    }

    /** Copies the one element inside {@code <value>} into a document of its own, with its namespaces. */
    private static String copyValue(final XMLStreamReader reader) throws XMLStreamException, RestconfException {
        final StringWriter text = new StringWriter();
        final XMLStreamWriter writer = XML_OUTPUT.createXMLStreamWriter(text);
        writer.setPrefix("", "");
        int depth = 0;
        int elements = 0;
        while (true) {
            final int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 0) {
                    elements++;
                }
                depth++;
                writer.writeStartElement(prefix(reader.getPrefix()), reader.getLocalName(), reader.getNamespaceURI());
                for (int i = 0; i < reader.getNamespaceCount(); i++) {
                    writer.writeNamespace(prefix(reader.getNamespacePrefix(i)), reader.getNamespaceURI(i));
                }
                if (depth == 1 && reader.getNamespaceCount() == 0 && reader.getNamespaceURI() != null) {
                    writer.writeNamespace(prefix(reader.getPrefix()), reader.getNamespaceURI());
                }
                for (int i = 0; i < reader.getAttributeCount(); i++) {
                    writer.writeAttribute(prefix(reader.getAttributePrefix(i)),
                        reader.getAttributeNamespace(i) == null ? "" : reader.getAttributeNamespace(i),
                        reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    break;
                }
                depth--;
                writer.writeEndElement();
            } else if (event == XMLStreamConstants.CHARACTERS && depth > 0) {
                writer.writeCharacters(reader.getText());
            }
        }
        writer.close();
        if (elements != 1) {
            throw invalid("value holds one element, the target's data; it holds " + elements);
        }
        return text.toString();
    }

    private static String prefix(final String prefix) {
        return prefix == null ? "" : prefix;
    }

    private static String required(final Map<String, String> texts, final String name) throws RestconfException {
        final String value = texts.get(name);
        if (value == null) {
            throw invalid("the element " + name + " of an edit is missing");
        }
        return value;
    }

    private static YangPatch.Edit edit(final String editId, final String operation, final String target,
            final Optional<String> value, final Optional<String> where, final Optional<String> point)
            throws RestconfException {
        final YangPatch.Operation parsed;
        try {
            parsed = YangPatch.Operation.valueOf(operation.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("edit " + editId + ": " + operation + " is not an operation (create, delete, insert, merge, "
                + "move, replace, remove)");
        }
        if (!operation.equals(operation.toLowerCase(Locale.ROOT))) {
            throw invalid("edit " + editId + ": operations are lower case: " + operation);
        }
        return new YangPatch.Edit(editId, parsed, target, value, where, point);
    }

    private static void requireElement(final XMLStreamReader reader, final String name) throws RestconfException {
        requireNamespace(reader);
        if (!name.equals(reader.getLocalName())) {
            throw unknown("a YANG Patch body is a yang-patch element, not " + reader.getLocalName());
        }
    }

    private static void requireNamespace(final XMLStreamReader reader) throws RestconfException {
        if (!NAMESPACE.equals(reader.getNamespaceURI())) {
            throw new RestconfException(400, RestconfError.of(ErrorTag.UNKNOWN_NAMESPACE, "the element "
                + reader.getLocalName() + " is not in the ietf-yang-patch namespace " + NAMESPACE));
        }
    }

    private static RestconfException invalid(final String message) {
        return new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }

    private static RestconfException unknown(final String message) {
        return new RestconfException(400, RestconfError.of(ErrorTag.UNKNOWN_ELEMENT, message));
    }
}
