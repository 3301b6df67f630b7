package org.sdqkd.restconf.gateway.impl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The JSON rewrites of the TeraFlowSDN-compatible mode, on the document's structure only (names come from the
 * schema through {@link TfsNames}): request bodies lose their {@code null} members and get their top-level names
 * qualified; answers get bare top-level names, or lose their wrapper.
 */
final class TfsBodies {
    private TfsBodies() {
        // static rewrites
    }

    /**
     * A request body as RFC 7951 wants it: members whose value is JSON {@code null} left out (TeraFlowSDN's driver
     * sends {@code "virt_prev_hop": null} for a value it does not have), top-level names qualified.
     *
     * @param body      the body as sent
     * @param qualifier the qualified form of a top-level name
     * @return the rewritten body, or empty when it is empty (the standard handler then answers)
     * @throws RestconfException 400 malformed-message when the body is not a JSON object
     */
    static Optional<JsonObject> request(final byte[] body, final UnaryOperator<String> qualifier)
            throws RestconfException {
        if (body.length == 0) {
            return Optional.empty();
        }
        final JsonElement parsed;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            final JsonReader json = new JsonReader(reader);
            json.setStrictness(Strictness.STRICT);
            parsed = JsonParser.parseReader(json);
        } catch (JsonParseException | java.io.IOException e) {
            throw RestconfException.malformed("the body is not valid JSON: " + e.getMessage());
        }
        if (!parsed.isJsonObject()) {
            throw RestconfException.malformed("the body is not a JSON object (RFC 7951 section 4)");
        }
        final JsonObject rewritten = new JsonObject();
        for (Map.Entry<String, JsonElement> member : parsed.getAsJsonObject().entrySet()) {
            if (!member.getValue().isJsonNull()) {
                rewritten.add(qualifier.apply(member.getKey()), withoutNulls(member.getValue()));
            }
        }
        return Optional.of(rewritten);
    }

    private static JsonElement withoutNulls(final JsonElement element) {
        if (element.isJsonObject()) {
            final JsonObject copy = new JsonObject();
            element.getAsJsonObject().entrySet().stream().filter(member -> !member.getValue().isJsonNull())
                .forEach(member -> copy.add(member.getKey(), withoutNulls(member.getValue())));
            return copy;
        }
        if (element.isJsonArray()) {
            final JsonArray copy = new JsonArray();
            // [null] is the value of a leaf of type empty (RFC 7951 section 6.9): kept
            element.getAsJsonArray().forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return element;
    }

    /**
     * An answer in the driver's form: its one top-level member with the module name left out, or, when
     * {@code unwrap}, that member's value alone.
     *
     * @param answer the RFC 7951 answer
     * @param unwrap whether to answer the member's value alone
     * @return the rewritten answer; empty when the answer is not one JSON object with one member
     */
    static Optional<JsonElement> answer(final byte[] answer, final boolean unwrap) {
        final JsonElement parsed;
        try {
            parsed = JsonParser.parseString(new String(answer, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
        if (!parsed.isJsonObject() || parsed.getAsJsonObject().size() != 1) {
            return Optional.empty();
        }
        final Map.Entry<String, JsonElement> member = parsed.getAsJsonObject().entrySet().iterator().next();
        if (unwrap) {
            return Optional.of(member.getValue());
        }
        final JsonObject bare = new JsonObject();
        bare.add(member.getKey().substring(member.getKey().indexOf(':') + 1), member.getValue());
        return Optional.of(bare);
    }

    /**
     * The answer for an empty container in the driver's form: an empty object, wrapped in its bare name unless
     * {@code unwrap}.
     */
    static JsonObject emptyContainer(final String name, final boolean unwrap) {
        final JsonObject empty = new JsonObject();
        if (unwrap) {
            return empty;
        }
        final JsonObject wrapped = new JsonObject();
        wrapped.add(name, empty);
        return wrapped;
    }
}
