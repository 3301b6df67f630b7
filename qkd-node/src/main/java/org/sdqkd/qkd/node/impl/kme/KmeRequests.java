package org.sdqkd.qkd.node.impl.kme;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and checks the parameters of ETSI GS QKD 014 requests: the query of a GET and the JSON body of a POST (Key
 * request, Key IDs; sections 6.2 and 6.4). Every refusal is a 400 that names the member at fault.
 */
final class KmeRequests {
    /** The smallest key size, in bits. */
    static final int MIN_KEY_SIZE = 64;
    /** The largest key size, in bits. */
    static final int MAX_KEY_SIZE = 8192;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern UUID_TEXT = Pattern.compile(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    private final int maxKeyPerRequest;
    private final int maxSaeIdCount;

    KmeRequests(final int maxKeyPerRequest, final int maxSaeIdCount) {
        this.maxKeyPerRequest = maxKeyPerRequest;
        this.maxSaeIdCount = maxSaeIdCount;
    }

    /** The Key request of a GET enc_keys: {@code number} and {@code size} from the query. */
    KeyRequest encKeys(final Map<String, String> query) throws KmeError {
        return new KeyRequest(checkedNumber(integer(query, "number")), checkedSize(integer(query, "size")),
            List.of());
    }

    /** The Key request of a POST enc_keys body. */
    KeyRequest encKeys(final byte[] body) throws KmeError {
        final JsonNode root = object(body);
        final Integer number = checkedNumber(integer(root, "number"));
        final Integer size = checkedSize(integer(root, "size"));
        final List<String> slaves = new ArrayList<>();
        final JsonNode additional = root.get("additional_slave_SAE_IDs");
        if (additional != null && !additional.isNull()) {
            if (!additional.isArray()) {
                throw KmeError.badRequest("additional_slave_SAE_IDs must be an array of SAE IDs");
            }
            if (additional.size() > maxSaeIdCount) {
                throw KmeError.badRequest("too many additional_slave_SAE_IDs: " + additional.size() + ", at most "
                    + maxSaeIdCount, "additional_slave_SAE_IDs", Integer.toString(additional.size()));
            }
            for (JsonNode slave : additional) {
                if (!slave.isTextual() || slave.asText().isEmpty()) {
                    throw KmeError.badRequest("additional_slave_SAE_IDs must hold non-empty strings",
                        "additional_slave_SAE_IDs", slave.toString());
                }
                slaves.add(slave.asText());
            }
        }
        checkExtensions(root.get("extension_mandatory"), true);
        checkExtensions(root.get("extension_optional"), false);
        return new KeyRequest(number, size, slaves);
    }

    /** The key_ID of a GET dec_keys. */
    List<UUID> decKeys(final Map<String, String> query) throws KmeError {
        final String keyId = query.get("key_ID");
        if (keyId == null) {
            throw KmeError.badRequest("the query parameter key_ID is required");
        }
        return List.of(uuid(keyId));
    }

    /** The key_IDs of a POST dec_keys body (Key IDs). */
    List<UUID> decKeys(final byte[] body) throws KmeError {
        final JsonNode ids = object(body).get("key_IDs");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw KmeError.badRequest("key_IDs must be a non-empty array of {\"key_ID\": ...} objects");
        }
        if (ids.size() > maxKeyPerRequest) {
            throw KmeError.badRequest("too many key_IDs: " + ids.size() + ", at most " + maxKeyPerRequest,
                "key_IDs", Integer.toString(ids.size()));
        }
        final List<UUID> keyIds = new ArrayList<>(ids.size());
        final Set<UUID> seen = new HashSet<>();
        for (JsonNode id : ids) {
            final JsonNode keyId = id.get("key_ID");
            if (!id.isObject() || keyId == null || !keyId.isTextual()) {
                throw KmeError.badRequest("each member of key_IDs must be an object with a key_ID string",
                    "key_IDs", id.toString());
            }
            final UUID uuid = uuid(keyId.asText());
            if (!seen.add(uuid)) {
                throw KmeError.badRequest("key_ID given twice: " + uuid, "key_ID", uuid.toString());
            }
            keyIds.add(uuid);
        }
        return keyIds;
    }

    /**
     * The parameters of a query string, decoded.
     *
     * @param rawQuery the query, without {@code ?}; may be null
     * @return the parameters by name
     * @throws KmeError when a parameter is given twice or badly encoded
     */
    static Map<String, String> query(final String rawQuery) throws KmeError {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        final Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            final int eq = pair.indexOf('=');
            try {
                final String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                final String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (parameters.putIfAbsent(name, value) != null) {
                    throw KmeError.badRequest("query parameter given twice: " + name, "parameter", name);
                }
            } catch (IllegalArgumentException e) {
                throw KmeError.badRequest("badly encoded query: " + e.getMessage());
            }
        }
        return parameters;
    }

    private Integer checkedNumber(final Integer number) throws KmeError {
        if (number != null && (number < 1 || number > maxKeyPerRequest)) {
            throw KmeError.badRequest("number must be from 1 to " + maxKeyPerRequest + ": " + number, "number",
                number.toString());
        }
        return number;
    }

    /**
     * Checks a key size.
     *
     * @param size the size in bits, null for the default
     * @return the size
     * @throws KmeError when it is not a multiple of 8 from {@value #MIN_KEY_SIZE} to {@value #MAX_KEY_SIZE}
     */
    static Integer checkedSize(final Integer size) throws KmeError {
        if (size != null && (size % 8 != 0 || size < MIN_KEY_SIZE || size > MAX_KEY_SIZE)) {
            throw KmeError.badRequest("size must be a multiple of 8 from " + MIN_KEY_SIZE + " to " + MAX_KEY_SIZE
                + " bits: " + size, "size", size.toString());
        }
        return size;
    }

    private static void checkExtensions(final JsonNode extensions, final boolean mandatory) throws KmeError {
        final String member = mandatory ? "extension_mandatory" : "extension_optional";
        if (extensions == null || extensions.isNull()) {
            return;
        }
        if (!extensions.isArray()) {
            throw KmeError.badRequest(member + " must be an array of objects");
        }
        final List<Map<String, String>> unsupported = new ArrayList<>();
        for (JsonNode extension : extensions) {
            if (!extension.isObject()) {
                throw KmeError.badRequest(member + " must be an array of objects", member, extension.toString());
            }
            for (Iterator<String> names = extension.fieldNames(); names.hasNext();) {
                unsupported.add(Map.of("extension_mandatory", names.next(), "message", "not supported"));
            }
        }
        if (mandatory && !unsupported.isEmpty()) {
            throw new KmeError(400, "unsupported extension_mandatory members", unsupported);
        }
    }

    private static JsonNode object(final byte[] body) throws KmeError {
        final JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw KmeError.badRequest("malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw KmeError.badRequest("unreadable JSON body");
        }
        if (root == null || !root.isObject()) {
            throw KmeError.badRequest("the body must be a JSON object");
        }
        return root;
    }

    private static Integer integer(final JsonNode root, final String member) throws KmeError {
        final JsonNode node = root.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw KmeError.badRequest(member + " must be an integer: " + node, member, node.toString());
        }
        return node.intValue();
    }

    private static Integer integer(final Map<String, String> query, final String name) throws KmeError {
        final String text = query.get(name);
        if (text == null) {
            return null;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw KmeError.badRequest(name + " must be an integer: " + text, name, text);
        }
        return Integer.valueOf(text);
    }

    private static UUID uuid(final String text) throws KmeError {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw KmeError.badRequest("key_ID is not a UUID: " + text, "key_ID", text);
        }
        return UUID.fromString(text);
    }
}
