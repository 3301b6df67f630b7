package org.sdqkd.etsi014.impl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.QkdKey;

/**
 * The Key container (section 6.3). Written by hand into one array the caller erases once sent, so that no copy of a
 * key stays in a buffer we cannot reach (Jackson recycles its buffers); read with the streaming parser, decoding each
 * key straight to bytes, never to a string.
 */
public final class KeyContainerCodec {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final byte[] KEYS_OPEN = ascii("{\"keys\":[");
    private static final byte[] KEY_ID = ascii("{\"key_ID\":\"");
    private static final byte[] ID_EXTENSION = ascii("\",\"key_ID_extension\":");
    private static final byte[] KEY_AFTER_EXTENSION = ascii(",\"key\":\"");
    private static final byte[] KEY = ascii("\",\"key\":\"");
    private static final byte[] KEY_EXTENSION = ascii("\",\"key_extension\":");
    private static final byte[] KEY_CLOSE = ascii("\"}");
    private static final byte[] CLOSE = ascii("}");
    private static final byte[] KEYS_CLOSE = ascii("]");
    private static final byte[] CONTAINER_EXTENSION = ascii(",\"key_container_extension\":");
    private static final int UUID_LENGTH = 36;

    private KeyContainerCodec() {
    }

    /** Writes the container; the keys are left as they are. */
    public static byte[] write(final KeyContainer container) {
        final List<QkdKey> keys = container.keys();
        final List<byte[]> idExtensions = new ArrayList<>(keys.size());
        final List<byte[]> keyExtensions = new ArrayList<>(keys.size());
        final byte[] containerExtension = extension(container.extension());
        int length = KEYS_OPEN.length + KEYS_CLOSE.length + Math.max(0, keys.size() - 1) + CLOSE.length;
        if (containerExtension.length > 0) {
            length += CONTAINER_EXTENSION.length + containerExtension.length;
        }
        for (QkdKey key : keys) {
            final byte[] idExtension = extension(key.idExtension());
            final byte[] keyExtension = extension(key.keyExtension());
            idExtensions.add(idExtension);
            keyExtensions.add(keyExtension);
            length += KEY_ID.length + UUID_LENGTH + base64Length(key.length());
            length += idExtension.length == 0 ? KEY.length
                : ID_EXTENSION.length + idExtension.length + KEY_AFTER_EXTENSION.length;
            length += keyExtension.length == 0 ? KEY_CLOSE.length
                : KEY_EXTENSION.length + keyExtension.length + CLOSE.length;
        }
        final byte[] out = new byte[length];
        int at = put(out, 0, KEYS_OPEN);
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            final QkdKey key = keys.get(i);
            at = put(out, at, KEY_ID);
            at = put(out, at, key.id().toString().getBytes(StandardCharsets.US_ASCII));
            if (idExtensions.get(i).length == 0) {
                at = put(out, at, KEY);
            } else {
                at = put(out, at, ID_EXTENSION);
                at = put(out, at, idExtensions.get(i));
                at = put(out, at, KEY_AFTER_EXTENSION);
            }
            final byte[] raw = key.material();
            final byte[] encoded = Base64.getEncoder().encode(raw);
            Arrays.fill(raw, (byte) 0);
            at = put(out, at, encoded);
            Arrays.fill(encoded, (byte) 0);
            if (keyExtensions.get(i).length == 0) {
                at = put(out, at, KEY_CLOSE);
            } else {
                at = put(out, at, KEY_EXTENSION);
                at = put(out, at, keyExtensions.get(i));
                at = put(out, at, CLOSE);
            }
        }
        at = put(out, at, KEYS_CLOSE);
        if (containerExtension.length > 0) {
            at = put(out, at, CONTAINER_EXTENSION);
            at = put(out, at, containerExtension);
        }
        put(out, at, CLOSE);
        return out;
    }

    /** Reads a container; on a refusal, no key read so far is left unerased. */
    public static KeyContainer read(final byte[] body) throws Etsi014FormatException {
        final int limit = Etsi014Limits.maxKeyContainerBytes(Etsi014Limits.MAX_KEYS_PER_REQUEST,
            Etsi014Limits.MAX_KEY_SIZE);
        if (body.length > limit) {
            throw new Etsi014FormatException("body larger than " + limit + " bytes");
        }
        final List<QkdKey> keys = new ArrayList<>();
        boolean sawKeys = false;
        Map<String, Object> extension = Map.of();
        try (JsonParser json = JsonTrees.FACTORY.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new Etsi014FormatException("the body must be a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                final String member = json.currentName();
                json.nextToken();
                if ("keys".equals(member)) {
                    sawKeys = true;
                    readKeys(json, keys);
                } else if ("key_container_extension".equals(member)) {
                    extension = object(json, member);
                } else {
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw new Etsi014FormatException("malformed JSON body: content after the object");
            }
            if (!sawKeys) {
                throw new Etsi014FormatException("not a Key container: no keys array");
            }
            return new KeyContainer(keys, extension);
        } catch (IOException e) {
            keys.forEach(QkdKey::erase);
            throw new Etsi014FormatException("malformed JSON body: " + (e instanceof JsonProcessingException j
                ? j.getOriginalMessage() : e.getClass().getSimpleName()));
        } catch (Etsi014FormatException | RuntimeException e) {
            keys.forEach(QkdKey::erase);
            throw e;
        }
    }

    private static void readKeys(final JsonParser json, final List<QkdKey> keys)
            throws IOException, Etsi014FormatException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            throw new Etsi014FormatException("keys must be an array of objects");
        }
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw new Etsi014FormatException("keys must be an array of objects", "keys", "keys[" + keys.size()
                    + "]");
            }
            if (keys.size() == Etsi014Limits.MAX_KEYS_PER_REQUEST) {
                throw new Etsi014FormatException("more than " + Etsi014Limits.MAX_KEYS_PER_REQUEST + " keys");
            }
            keys.add(readKey(json, keys.size()));
        }
    }

    private static QkdKey readKey(final JsonParser json, final int index) throws IOException, Etsi014FormatException {
        UUID id = null;
        byte[] material = null;
        Map<String, Object> idExtension = Map.of();
        Map<String, Object> keyExtension = Map.of();
        try {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                final String member = json.currentName();
                final JsonToken value = json.nextToken();
                switch (member) {
                    case "key_ID" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw new Etsi014FormatException("keys[" + index + "]: key_ID must be a string",
                                "key_ID", json.getText());
                        }
                        id = RequestReader.uuid(json.getText());
                    }
                    case "key" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw new Etsi014FormatException("keys[" + index + "]: key must be a base64 string");
                        }
                        material = json.getBinaryValue();
                    }
                    case "key_ID_extension" -> idExtension = object(json, member);
                    case "key_extension" -> keyExtension = object(json, member);
                    default -> json.skipChildren();
                }
            }
            if (id == null || material == null || material.length == 0) {
                throw new Etsi014FormatException("keys[" + index + "]: the key has no key_ID or no key");
            }
            return QkdKey.of(id, material, idExtension, keyExtension);
        } finally {
            if (material != null) {
                Arrays.fill(material, (byte) 0);
            }
        }
    }

    private static Map<String, Object> object(final JsonParser json, final String member)
            throws IOException, Etsi014FormatException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new Etsi014FormatException(member + " must be a JSON object", member, json.getText());
        }
        return JsonTrees.MAPPER.readValue(json, OBJECT);
    }

    private static byte[] extension(final Map<String, Object> extension) {
        if (extension.isEmpty()) {
            return new byte[0];
        }
        try {
            return JsonTrees.MAPPER.writeValueAsBytes(extension);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an extension that is not JSON", e);
        }
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
