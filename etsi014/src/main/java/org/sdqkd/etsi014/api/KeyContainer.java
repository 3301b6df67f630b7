package org.sdqkd.etsi014.api;

import java.util.List;
import java.util.Map;

/**
 * The Key container data format (ETSI GS QKD 014 V1.1.1 section 6.3), the answer of {@code enc_keys} and
 * {@code dec_keys}. The keys are shared, not copied: {@link #erase()} erases them all.
 *
 * @param keys      {@code keys}: up to {@value Etsi014Limits#MAX_KEYS_PER_REQUEST} keys
 * @param extension {@code key_container_extension}: a JSON object, empty when absent
 */
public record KeyContainer(List<QkdKey> keys, Map<String, Object> extension) {
    /** Checks the components. */
    public KeyContainer {
        keys = List.copyOf(keys);
        if (keys.size() > Etsi014Limits.MAX_KEYS_PER_REQUEST) {
            throw new IllegalArgumentException("more than " + Etsi014Limits.MAX_KEYS_PER_REQUEST + " keys: "
                + keys.size());
        }
        extension = JsonValues.object(extension);
    }

    /**
     * A container of the given keys, without extension.
     *
     * @param keys the keys
     * @return the container
     */
    public static KeyContainer of(final List<QkdKey> keys) {
        return new KeyContainer(keys, Map.of());
    }

    /** Erases every key. */
    public void erase() {
        keys.forEach(QkdKey::erase);
    }
}
