package org.sdqkd.etsi014.api;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of the JSON values of extension members: maps with string keys, lists, strings, numbers,
 * booleans and null. Anything else is refused, so that an extension can always be written back as JSON.
 */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * An unmodifiable deep copy of a JSON object, in its order.
     *
     * @param object the object
     * @return the copy
     * @throws IllegalArgumentException when it holds a value that is not JSON
     */
    static Map<String, Object> object(final Map<String, Object> object) {
        requireNonNull(object, "extension");
        if (object.isEmpty()) {
            return Map.of();
        }
        final Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> member : object.entrySet()) {
            copy.put(requireNonNull(member.getKey(), "member name"), value(member.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * An unmodifiable deep copy of a list of JSON objects.
     *
     * @param objects the objects
     * @return the copy
     */
    static List<Map<String, Object>> objects(final List<Map<String, Object>> objects) {
        return objects.stream().map(JsonValues::object).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object value(final Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException("a JSON object member name must be a string: " + key);
                }
            }
            return object((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            final List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
}
