package org.sdqkd.etsi014.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Key IDs data format (ETSI GS QKD 014 V1.1.1 section 6.4), the body of a POST {@code dec_keys}.
 *
 * @param keyIds    {@code key_IDs}: one to {@value Etsi014Limits#MAX_KEYS_PER_REQUEST} distinct key_IDs
 * @param extension {@code key_IDs_extension}: a JSON object, empty when absent
 */
public record KeyIds(List<KeyId> keyIds, Map<String, Object> extension) {
    /** Checks the components. */
    public KeyIds {
        keyIds = List.copyOf(keyIds);
        if (keyIds.isEmpty() || keyIds.size() > Etsi014Limits.MAX_KEYS_PER_REQUEST) {
            throw new IllegalArgumentException("key_IDs must hold 1 to " + Etsi014Limits.MAX_KEYS_PER_REQUEST
                + " key_IDs, not " + keyIds.size());
        }
        final Set<UUID> seen = new HashSet<>();
        for (KeyId id : keyIds) {
            if (!seen.add(id.keyId())) {
                throw new IllegalArgumentException("key_ID given twice: " + id.keyId());
            }
        }
        extension = JsonValues.object(extension);
    }

    /**
     * Key IDs without extensions.
     *
     * @param ids the key_IDs
     * @return the Key IDs
     */
    public static KeyIds of(final List<UUID> ids) {
        return new KeyIds(ids.stream().map(KeyId::of).toList(), Map.of());
    }

    /**
     * The key_IDs alone.
     *
     * @return the UUIDs, in order
     */
    public List<UUID> uuids() {
        return keyIds.stream().map(KeyId::keyId).toList();
    }
}
