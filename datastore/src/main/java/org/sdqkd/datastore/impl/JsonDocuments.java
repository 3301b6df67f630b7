package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.util.HashSet;
import java.util.Set;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonParserStream;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.ValidationError;

/** JSON instance documents (RFC 7951), read and written with the yangtools JSON codec. */
final class JsonDocuments {
    /** One step of a Gson path: {@code .name} or {@code [index]}. */
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");
    private static final TypeAdapter<JsonElement> ELEMENT_ADAPTER = new Gson().getAdapter(JsonElement.class);

    private final EffectiveModelContext context;
    private final JSONCodecFactory codecs;
    private final JsonListEntries listEntries;

    JsonDocuments(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
        codecs = JSONCodecFactorySupplier.RFC7951.getShared(context);
        listEntries = new JsonListEntries(context);
    }

    ContainerNode read(final String text) throws DocumentException {
        final JsonObject document = parseStrictly(text);
        final Optional<ValidationError> entryError = listEntries.firstEntryError(document);
        if (entryError.isPresent()) {
            throw new DocumentException(entryError.orElseThrow(), null);
        }
        final DataContainerNodeBuilder<NodeIdentifier, ContainerNode> root = ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME));
        final Set<QName> seen = new HashSet<>();
        for (Map.Entry<String, JsonElement> member : document.entrySet()) {
            // the codec reads one top-level node per call, so each member is read on its own
            final JsonObject single = new JsonObject();
            single.add(member.getKey(), member.getValue());
            final String memberText = single.toString();
            final NormalizationResultHolder result = new NormalizationResultHolder();
            final JsonReader reader = new JsonReader(new StringReader(memberText));
            try {
                JsonParserStream.create(ImmutableNormalizedNodeStreamWriter.from(result), codecs).parse(reader);
            } catch (RuntimeException e) {
                throw failure(e, single, reader);
            }
            final DataContainerChild child = (DataContainerChild) result.getResult().data();
            if (!seen.add(child.name().getNodeType())) {
                throw new DocumentException(ValidationError.of(ErrorTag.BAD_ELEMENT,
                    DataPathBuilder.of(context, YangInstanceIdentifier.of(child.name())),
                    "the top-level node appears twice"), null);
            }
            root.withChild(child);
        }
        return root.build();
    }

    /** Parses the text as strict JSON (RFC 8259) whose top level is an object. */
    private static JsonObject parseStrictly(final String text) throws DocumentException {
        final JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            final JsonElement element = ELEMENT_ADAPTER.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("text after the end of the top-level object");
            }
            if (!element.isJsonObject()) {
                throw new MalformedJsonException("the top level of an instance document must be an object");
            }
            return element.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new DocumentException(ValidationError.of(ErrorTag.MALFORMED_MESSAGE, "/",
                "malformed JSON: " + ParseErrors.rootMessage(e)), e);
        }
    }

    private DocumentException failure(final RuntimeException e, final JsonObject document, final JsonReader reader) {
        final Located located = locate(document, reader.getPreviousPath());
        final ErrorTag fallback = located.unknown ? ErrorTag.UNKNOWN_ELEMENT : ErrorTag.INVALID_VALUE;
        return new DocumentException(ParseErrors.of(e, located.path, fallback), e);
    }

    /** A data path, and whether its last step named no schema node. */
    private record Located(String path, boolean unknown) {
    }

    /**
     * Converts a Gson path ({@code $.module:top.list[2].leaf}) into a data path, taking key values of list
     * entries from the document itself.
     */
    private Located locate(final JsonObject document, final String gsonPath) {
        final DataPathBuilder path = new DataPathBuilder(context);
        JsonElement element = document;
        Object schema = context;
        QNameModule module = null;
        boolean unknown = false;
        final Matcher step = STEP.matcher(gsonPath);
        while (step.find() && !unknown) {
            if (step.group(1) != null) {
                final String member = step.group(1);
                final int colon = member.indexOf(':');
                if (colon > 0) {
                    module = SchemaSteps.moduleOfName(context, member.substring(0, colon)).orElse(null);
                }
                final String local = colon > 0 ? member.substring(colon + 1) : member;
                if (module == null) {
                    path.rawStep(member);
                    return new Located(path.toString(), true);
                }
                final QName name = QName.create(module, local);
                element = element instanceof JsonObject object ? object.get(member) : null;
                final Optional<DataSchemaNode> child = SchemaSteps.child(schema, name);
                path.step(name);
                unknown = child.isEmpty();
                schema = child.orElse(null);
            } else if (element instanceof JsonArray array) {
                element = array.get(Integer.parseInt(step.group(2)));
                if (schema instanceof ListSchemaNode list && element instanceof JsonObject entry) {
                    path.keys(keysOf(list, entry, module));
                } else if (schema instanceof LeafListSchemaNode && element.isJsonPrimitive()) {
                    path.leafListValue(element.getAsString());
                }
            }
        }
        return new Located(path.toString(), unknown);
    }

    private Map<QName, Object> keysOf(final ListSchemaNode list, final JsonObject entry, final QNameModule module) {
        final Map<QName, Object> keys = new LinkedHashMap<>();
        for (QName key : list.getKeyDefinition()) {
            JsonElement value = entry.get(key.getLocalName());
            if (value == null && !key.getModule().equals(module)) {
                value = entry.get(context.getModuleStatements().get(key.getModule()).argument().getLocalName()
                    + ':' + key.getLocalName());
            }
            if (value != null && value.isJsonPrimitive()) {
                keys.put(key, value.getAsString());
            }
        }
        return keys;
    }

    void write(final ContainerNode root, final Writer out) throws IOException {
        final var json = JsonWriterFactory.createJsonWriter(out, 2);
        json.beginObject();
        final NormalizedNodeStreamWriter stream = JSONNormalizedNodeStreamWriter.createNestedWriter(codecs, json);
        final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(stream);
        for (DataContainerChild child : root.body()) {
            writer.write(child);
        }
        writer.flush();
        json.endObject();
        json.flush();
    }
}
