package org.sdqkd.etsi014.impl;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sdqkd.etsi014.api.Etsi014FormatException;

/** Strict reading of one JSON object into a tree, and typed access to its members with clear refusals. */
final class JsonTrees {
    /** The JSON factory: duplicate members refused, nesting bounded. */
    static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
        .build();
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private JsonTrees() {
    }

    /**
     * The body as a JSON object.
     *
     * @param body  the bytes
     * @param limit the largest body accepted
     * @return the object
     * @throws Etsi014FormatException when it is larger, malformed or not an object
     */
    static JsonNode object(final byte[] body, final int limit) throws Etsi014FormatException {
        if (body.length > limit) {
            throw new Etsi014FormatException("body larger than " + limit + " bytes");
        }
        final JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new Etsi014FormatException("malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Etsi014FormatException("unreadable JSON body");
        }
        if (root == null || !root.isObject()) {
            throw new Etsi014FormatException("the body must be a JSON object");
        }
        return root;
    }

    /** An optional integer member in int range; null when absent or null. */
    static Integer integer(final JsonNode root, final String member) throws Etsi014FormatException {
        final JsonNode node = root.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new Etsi014FormatException(member + " must be an integer: " + node, member, node.toString());
        }
        return node.intValue();
    }

    /** A required non-negative integer member. */
    static long count(final JsonNode root, final String member) throws Etsi014FormatException {
        final JsonNode node = root.get(member);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new Etsi014FormatException(member + " must be a non-negative integer: " + node, member,
                String.valueOf(node));
        }
        return node.longValue();
    }

    /** A required positive integer member in int range. */
    static int positive(final JsonNode root, final String member) throws Etsi014FormatException {
        final long value = count(root, member);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new Etsi014FormatException(member + " must be a positive integer: " + value, member,
                Long.toString(value));
        }
        return (int) value;
    }

    /** A required string member. */
    static String text(final JsonNode root, final String member) throws Etsi014FormatException {
        final JsonNode node = root.get(member);
        if (node == null || !node.isTextual()) {
            throw new Etsi014FormatException(member + " must be a string: " + node, member, String.valueOf(node));
        }
        return node.asText();
    }

    /** An optional JSON object member as a map; empty when absent or null. */
    static Map<String, Object> extension(final JsonNode root, final String member) throws Etsi014FormatException {
        final JsonNode node = root.get(member);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new Etsi014FormatException(member + " must be a JSON object", member, node.toString());
        }
        return map(node);
    }

    /** An optional array of JSON objects; empty when absent or null. */
    static List<Map<String, Object>> objects(final JsonNode root, final String member)
            throws Etsi014FormatException {
        final JsonNode node = root.get(member);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Etsi014FormatException(member + " must be an array of objects");
        }
        final List<Map<String, Object>> objects = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new Etsi014FormatException(member + " must be an array of objects", member, item.toString());
            }
            objects.add(map(item));
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final JsonNode object) {
        return MAPPER.convertValue(object, Map.class);
    }
}
