package org.sdqkd.ssh.qkd.impl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/** The fixed-size fields the hybrid methods add to the client's public values (see the module README). */
final class Wire {
    /** SHA-256 of the client's SAE ID. */
    static final int SAE_HASH_LENGTH = 32;
    /** The key_ID, a UUID in network byte order. */
    static final int KEY_ID_LENGTH = 16;
    /** What the client appends to its public values: the SAE hash, then the key_ID. */
    static final int QKD_FIELDS_LENGTH = SAE_HASH_LENGTH + KEY_ID_LENGTH;
    /** The QKD key: 256 bits. */
    static final int QKD_KEY_LENGTH = 32;
    /** The size the client asks its KME for, in bits. */
    static final int QKD_KEY_BITS = QKD_KEY_LENGTH * 8;

    private Wire() {
    }

    static byte[] saeHash(final String saeId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(saeId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    static byte[] qkdFields(final byte[] saeHash, final UUID keyId) {
        return ByteBuffer.allocate(QKD_FIELDS_LENGTH).put(saeHash).putLong(keyId.getMostSignificantBits())
            .putLong(keyId.getLeastSignificantBits()).array();
    }

    static UUID keyIdOf(final byte[] fields) {
        final ByteBuffer buffer = ByteBuffer.wrap(fields, SAE_HASH_LENGTH, KEY_ID_LENGTH);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static byte[] saeHashOf(final byte[] fields) {
        return Arrays.copyOf(fields, SAE_HASH_LENGTH);
    }

    static byte[] concat(final byte[] first, final byte[] second) {
        final byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
