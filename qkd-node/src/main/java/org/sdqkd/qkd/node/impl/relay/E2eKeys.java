package org.sdqkd.qkd.node.impl.relay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sdqkd.qkd.node.api.KeyBytes;

/**
 * The end-to-end keys of one association at one of its ends, in arrival order: the source takes the oldest (for
 * {@code enc_keys}), the destination takes them by key_ID (for {@code dec_keys}). A key is taken once; cleared keys
 * are erased. Intermediate nodes have none.
 */
public final class E2eKeys {
    private final LinkedHashMap<UUID, KeyBytes> keys = new LinkedHashMap<>();

    synchronized void put(final UUID keyId, final KeyBytes key) {
        final KeyBytes previous = keys.putIfAbsent(keyId, key);
        if (previous != null) {
            key.erase();
        }
    }

    /** The number of keys held. */
    public synchronized int size() {
        return keys.size();
    }

    /** Takes the oldest key with its key_ID. */
    public synchronized Optional<Map.Entry<UUID, KeyBytes>> takeOldest() {
        return Optional.ofNullable(keys.pollFirstEntry());
    }

    /** Takes the key with this key_ID. */
    public synchronized Optional<KeyBytes> take(final UUID keyId) {
        return Optional.ofNullable(keys.remove(keyId));
    }

    /** Erases every key. */
    public synchronized void clear() {
        keys.values().forEach(KeyBytes::erase);
        keys.clear();
    }
}
