package org.sdqkd.etsi014.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.KeyId;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;

/**
 * Reads and checks the requests a KME receives: Key request and Key IDs bodies (sections 6.2, 6.4) and the query of
 * their GET forms. Every refusal names the member at fault.
 */
public final class RequestReader {
    private static final Pattern UUID_TEXT = Pattern.compile(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final String SLAVES = "additional_slave_SAE_IDs";

    private RequestReader() {
    }

    /** A Key request body. */
    public static KeyRequest keyRequest(final byte[] body, final Etsi014Limits limits)
            throws Etsi014FormatException {
        final JsonNode root = JsonTrees.object(body, Etsi014Limits.MAX_REQUEST_BODY);
        final Integer number = number(JsonTrees.integer(root, "number"), limits);
        final Integer size = size(JsonTrees.integer(root, "size"));
        final List<String> slaves = new ArrayList<>();
        final JsonNode additional = root.get(SLAVES);
        if (additional != null && !additional.isNull()) {
            if (!additional.isArray()) {
                throw new Etsi014FormatException(SLAVES + " must be an array of SAE IDs");
            }
            if (additional.size() > limits.maxAdditionalSlaves()) {
                throw new Etsi014FormatException("too many " + SLAVES + ": " + additional.size() + ", at most "
                    + limits.maxAdditionalSlaves(), SLAVES, Integer.toString(additional.size()));
            }
            for (JsonNode slave : additional) {
                if (!slave.isTextual() || slave.asText().isEmpty()) {
                    throw new Etsi014FormatException(SLAVES + " must hold non-empty strings", SLAVES,
                        slave.toString());
                }
                slaves.add(slave.asText());
            }
        }
        return new KeyRequest(Optional.ofNullable(number), Optional.ofNullable(size), slaves,
            JsonTrees.objects(root, "extension_mandatory"), JsonTrees.objects(root, "extension_optional"));
    }

    /** A Key IDs body. */
    public static KeyIds keyIds(final byte[] body, final Etsi014Limits limits) throws Etsi014FormatException {
        final JsonNode root = JsonTrees.object(body, Etsi014Limits.MAX_REQUEST_BODY);
        final JsonNode ids = root.get("key_IDs");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new Etsi014FormatException("key_IDs must be a non-empty array of {\"key_ID\": ...} objects");
        }
        if (ids.size() > limits.maxKeysPerRequest()) {
            throw new Etsi014FormatException("too many key_IDs: " + ids.size() + ", at most "
                + limits.maxKeysPerRequest(), "key_IDs", Integer.toString(ids.size()));
        }
        final List<KeyId> keyIds = new ArrayList<>(ids.size());
        final Set<UUID> seen = new HashSet<>();
        for (JsonNode id : ids) {
            final JsonNode keyId = id.get("key_ID");
            if (!id.isObject() || keyId == null || !keyId.isTextual()) {
                throw new Etsi014FormatException("each member of key_IDs must be an object with a key_ID string",
                    "key_IDs", id.toString());
            }
            final UUID uuid = uuid(keyId.asText());
            if (!seen.add(uuid)) {
                throw new Etsi014FormatException("key_ID given twice: " + uuid, "key_ID", uuid.toString());
            }
            keyIds.add(new KeyId(uuid, JsonTrees.extension(id, "key_ID_extension")));
        }
        return new KeyIds(keyIds, JsonTrees.extension(root, "key_IDs_extension"));
    }

    /** The Key request of a GET enc_keys. */
    public static KeyRequest keyRequest(final Map<String, String> query, final Etsi014Limits limits)
            throws Etsi014FormatException {
        return new KeyRequest(Optional.ofNullable(number(integer(query, "number"), limits)),
            Optional.ofNullable(size(integer(query, "size"))), List.of(), List.of(), List.of());
    }

    /** The Key IDs of a GET dec_keys. */
    public static KeyIds keyIds(final Map<String, String> query) throws Etsi014FormatException {
        final String keyId = query.get("key_ID");
        if (keyId == null) {
            throw new Etsi014FormatException("the query parameter key_ID is required");
        }
        return KeyIds.of(List.of(uuid(keyId)));
    }

    /** The parameters of a query string, decoded. */
    public static Map<String, String> parameters(final String rawQuery) throws Etsi014FormatException {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        final Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            final int eq = pair.indexOf('=');
            final String name;
            final String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Etsi014FormatException("badly encoded query: " + e.getMessage());
            }
            if (parameters.putIfAbsent(name, value) != null) {
                throw new Etsi014FormatException("query parameter given twice: " + name, "parameter", name);
            }
        }
        return parameters;
    }

    private static Integer number(final Integer number, final Etsi014Limits limits) throws Etsi014FormatException {
        if (number != null && (number < 1 || number > limits.maxKeysPerRequest())) {
            throw new Etsi014FormatException("number must be from 1 to " + limits.maxKeysPerRequest() + ": "
                + number, "number", number.toString());
        }
        return number;
    }

    private static Integer size(final Integer size) throws Etsi014FormatException {
        if (size != null && !Etsi014Limits.validKeySize(size)) {
            throw new Etsi014FormatException("size must be a multiple of 8 from " + Etsi014Limits.MIN_KEY_SIZE
                + " to " + Etsi014Limits.MAX_KEY_SIZE + " bits: " + size, "size", size.toString());
        }
        return size;
    }

    private static Integer integer(final Map<String, String> query, final String name)
            throws Etsi014FormatException {
        final String text = query.get(name);
        if (text == null) {
            return null;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw new Etsi014FormatException(name + " must be an integer: " + text, name, text);
        }
        return Integer.valueOf(text);
    }

    /** A key_ID in UUID form (either case). */
    static UUID uuid(final String text) throws Etsi014FormatException {
        if (!UUID_TEXT.matcher(text).matches()) {
            final String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw new Etsi014FormatException("key_ID is not a UUID: " + shown, "key_ID", shown);
        }
        return UUID.fromString(text);
    }
}
