package org.sdqkd.qkd.node.impl.kme;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.sdqkd.qkd.node.impl.keys.DeliveredKey;
import org.sdqkd.qkd.node.impl.keys.KeyStatus;

/**
 * Writes the ETSI GS QKD 014 response bodies (section 6): Status, Key container and Error. The Key container is
 * written by hand into one array that the caller erases once sent, so that no copy of a key stays in a buffer we
 * cannot reach (Jackson recycles its buffers).
 */
final class KmeJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final byte[] KEYS_OPEN = ascii("{\"keys\":[");
    private static final byte[] KEY_ID = ascii("{\"key_ID\":\"");
    private static final byte[] KEY = ascii("\",\"key\":\"");
    private static final byte[] KEY_CLOSE = ascii("\"}");
    private static final byte[] KEYS_CLOSE = ascii("]}");
    private static final int UUID_LENGTH = 36;

    private KmeJson() {
        // static only
    }

    /**
     * The Status data format (section 6.1), without status_extension.
     *
     * @param status           the key plane's status
     * @param maxKeyPerRequest the KME's limit, reported instead of the key plane's
     * @param maxSaeIdCount    the KME's limit, reported instead of the key plane's
     * @return the JSON bytes
     */
    static byte[] status(final KeyStatus status, final int maxKeyPerRequest, final int maxSaeIdCount) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(400);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("source_KME_ID", status.sourceKmeId());
            json.writeStringField("target_KME_ID", status.targetKmeId());
            json.writeStringField("master_SAE_ID", status.masterSaeId());
            json.writeStringField("slave_SAE_ID", status.slaveSaeId());
            json.writeNumberField("key_size", status.keySize());
            json.writeNumberField("stored_key_count", status.storedKeyCount());
            json.writeNumberField("max_key_count", status.maxKeyCount());
            json.writeNumberField("max_key_per_request", maxKeyPerRequest);
            json.writeNumberField("max_key_size", status.maxKeySize());
            json.writeNumberField("min_key_size", status.minKeySize());
            json.writeNumberField("max_SAE_ID_count", maxSaeIdCount);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The Error data format (section 6.5); {@code details} is left out when empty.
     *
     * @param message the message
     * @param details objects of string members
     * @return the JSON bytes
     */
    static byte[] error(final String message, final List<Map<String, String>> details) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(200);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("message", message);
            if (!details.isEmpty()) {
                json.writeArrayFieldStart("details");
                for (Map<String, String> detail : details) {
                    json.writeStartObject();
                    for (Map.Entry<String, String> member : detail.entrySet()) {
                        json.writeStringField(member.getKey(), member.getValue());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The Key container (section 6.3): {@code {"keys":[{"key_ID":"...","key":"<base64>"},...]}}. The key bytes
     * are copied into the result only; the caller erases the result once it is written.
     *
     * @param keys the keys
     * @return the JSON bytes, holding the keys
     */
    static byte[] keys(final List<DeliveredKey> keys) {
        int length = KEYS_OPEN.length + KEYS_CLOSE.length + Math.max(0, keys.size() - 1);
        for (DeliveredKey key : keys) {
            length += KEY_ID.length + UUID_LENGTH + KEY.length + base64Length(key.key().length()) + KEY_CLOSE.length;
        }
        final byte[] out = new byte[length];
        int at = put(out, 0, KEYS_OPEN);
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            final DeliveredKey key = keys.get(i);
            at = put(out, at, KEY_ID);
            at = put(out, at, key.keyId().toString().getBytes(StandardCharsets.US_ASCII));
            at = put(out, at, KEY);
            final byte[] raw = key.key().bytes();
            final byte[] encoded = Base64.getEncoder().encode(raw);
            Arrays.fill(raw, (byte) 0);
            at = put(out, at, encoded);
            Arrays.fill(encoded, (byte) 0);
            at = put(out, at, KEY_CLOSE);
        }
        put(out, at, KEYS_CLOSE);
        return out;
    }

    private static int base64Length(final int bytes) {
        return (bytes + 2) / 3 * 4;
    }

    private static int put(final byte[] out, final int at, final byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static byte[] ascii(final String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
