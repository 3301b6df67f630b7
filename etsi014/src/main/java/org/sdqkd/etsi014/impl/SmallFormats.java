package org.sdqkd.etsi014.impl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.sdqkd.etsi014.api.Etsi014Error;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.KeyId;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.Status;

/** The JSON of the data formats that hold no key: Status, Key request, Key IDs and Error. */
public final class SmallFormats {
    private SmallFormats() {
    }

    /** Writes a Status (section 6.1). */
    public static byte[] write(final Status status) {
        return generate(400, json -> {
            json.writeStringField("source_KME_ID", status.sourceKmeId());
            json.writeStringField("target_KME_ID", status.targetKmeId());
            json.writeStringField("master_SAE_ID", status.masterSaeId());
            json.writeStringField("slave_SAE_ID", status.slaveSaeId());
            json.writeNumberField("key_size", status.keySize());
            json.writeNumberField("stored_key_count", status.storedKeyCount());
            json.writeNumberField("max_key_count", status.maxKeyCount());
            json.writeNumberField("max_key_per_request", status.maxKeyPerRequest());
            json.writeNumberField("max_key_size", status.maxKeySize());
            json.writeNumberField("min_key_size", status.minKeySize());
            json.writeNumberField("max_SAE_ID_count", status.maxSaeIdCount());
            extension(json, "status_extension", status.extension());
        });
    }

    /** Reads a Status. */
    public static Status readStatus(final byte[] body) throws Etsi014FormatException {
        final JsonNode root = JsonTrees.object(body, Etsi014Limits.MAX_SMALL_ANSWER);
        try {
            return new Status(JsonTrees.text(root, "source_KME_ID"), JsonTrees.text(root, "target_KME_ID"),
                JsonTrees.text(root, "master_SAE_ID"), JsonTrees.text(root, "slave_SAE_ID"),
                JsonTrees.positive(root, "key_size"), JsonTrees.count(root, "stored_key_count"),
                JsonTrees.count(root, "max_key_count"), JsonTrees.positive(root, "max_key_per_request"),
                JsonTrees.positive(root, "max_key_size"), JsonTrees.positive(root, "min_key_size"),
                (int) Math.min(Integer.MAX_VALUE, JsonTrees.count(root, "max_SAE_ID_count")),
                JsonTrees.extension(root, "status_extension"));
        } catch (IllegalArgumentException e) {
            throw new Etsi014FormatException("not a valid Status: " + e.getMessage());
        }
    }

    /** Writes a Key request (section 6.2). */
    public static byte[] write(final KeyRequest request) {
        return generate(100, json -> {
            if (request.number().isPresent()) {
                json.writeNumberField("number", request.number().get());
            }
            if (request.size().isPresent()) {
                json.writeNumberField("size", request.size().get());
            }
            if (!request.additionalSlaves().isEmpty()) {
                json.writeArrayFieldStart("additional_slave_SAE_IDs");
                for (String slave : request.additionalSlaves()) {
                    json.writeString(slave);
                }
                json.writeEndArray();
            }
            objects(json, "extension_mandatory", request.extensionMandatory());
            objects(json, "extension_optional", request.extensionOptional());
        });
    }

    /** Writes Key IDs (section 6.4). */
    public static byte[] write(final KeyIds ids) {
        return generate(60 * ids.keyIds().size(), json -> {
            json.writeArrayFieldStart("key_IDs");
            for (KeyId id : ids.keyIds()) {
                json.writeStartObject();
                json.writeStringField("key_ID", id.keyId().toString());
                extension(json, "key_ID_extension", id.extension());
                json.writeEndObject();
            }
            json.writeEndArray();
            extension(json, "key_IDs_extension", ids.extension());
        });
    }

    /** Writes an Error (section 6.5); {@code details} is left out when empty. */
    public static byte[] write(final Etsi014Error error) {
        return generate(200, json -> {
            json.writeStringField("message", error.message());
            objects(json, "details", error.details());
        });
    }

    /** Reads an Error. */
    public static Etsi014Error readError(final byte[] body) throws Etsi014FormatException {
        final JsonNode root = JsonTrees.object(body, Etsi014Limits.MAX_SMALL_ANSWER);
        final List<Map<String, Object>> details = JsonTrees.objects(root, "details");
        if (details.size() > Etsi014Limits.MAX_ERROR_DETAILS) {
            throw new Etsi014FormatException("too many details: " + details.size() + ", at most "
                + Etsi014Limits.MAX_ERROR_DETAILS, "details", Integer.toString(details.size()));
        }
        return new Etsi014Error(JsonTrees.text(root, "message"), details);
    }

    static void extension(final JsonGenerator json, final String member, final Map<String, Object> extension)
            throws IOException {
        if (!extension.isEmpty()) {
            json.writeFieldName(member);
            JsonTrees.MAPPER.writeValue(json, extension);
        }
    }

    private static void objects(final JsonGenerator json, final String member,
            final List<Map<String, Object>> objects) throws IOException {
        if (!objects.isEmpty()) {
            json.writeFieldName(member);
            JsonTrees.MAPPER.writeValue(json, objects);
        }
    }

    /** The members of one object. */
    @FunctionalInterface
    interface Members {
        void write(JsonGenerator json) throws IOException;
    }

    static byte[] generate(final int sizeHint, final Members members) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator json = JsonTrees.FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            members.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
