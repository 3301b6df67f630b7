package org.sdqkd.etsi014.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.UUID;

/**
 * One member of the Key IDs data format (ETSI GS QKD 014 V1.1.1 section 6.4).
 *
 * @param keyId     {@code key_ID}
 * @param extension {@code key_ID_extension}: a JSON object, empty when absent
 */
public record KeyId(UUID keyId, Map<String, Object> extension) {
    /** Checks the components. */
    public KeyId {
        requireNonNull(keyId, "key_ID");
        extension = JsonValues.object(extension);
    }

    /**
     * A key_ID without extension.
     *
     * @param keyId the key_ID
     * @return the member
     */
    public static KeyId of(final UUID keyId) {
        return new KeyId(keyId, Map.of());
    }
}
