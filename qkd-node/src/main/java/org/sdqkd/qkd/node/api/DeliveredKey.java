package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * One key handed to an SAE.
 *
 * @param keyId the ETSI GS QKD 014 key_ID
 * @param key   the key bytes; erase them once sent
 */
public record DeliveredKey(UUID keyId, KeyBytes key) {
    /** Checks the components. */
    public DeliveredKey {
        requireNonNull(keyId);
        requireNonNull(key);
    }
}
