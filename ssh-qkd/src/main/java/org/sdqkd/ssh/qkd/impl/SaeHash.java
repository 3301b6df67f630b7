package org.sdqkd.ssh.qkd.impl;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The SHA-256 of an SAE ID, as the client sends it, usable as a map key. */
final class SaeHash {
    private final byte[] bytes;

    SaeHash(final byte[] bytes) {
        this.bytes = bytes.clone();
    }

    static Map<SaeHash, String> index(final Iterable<String> saeIds) {
        final Map<SaeHash, String> index = new HashMap<>();
        for (String saeId : saeIds) {
            index.put(new SaeHash(Wire.saeHash(saeId)), saeId);
        }
        return Map.copyOf(index);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof SaeHash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
