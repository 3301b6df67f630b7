package org.sdqkd.datastore.impl;

import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts the secret values of the persisted datastores. It copies its bytes on the way in
 * and out, can be erased, and never shows them in {@link #toString()}.
 */
final class DatastoreKey {
    /** Length of the key in bytes. */
    static final int LENGTH = 32;

    private final byte[] bytes;
    private boolean erased;

    private DatastoreKey(final byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A key holding a copy of {@code bytes}.
     *
     * @throws IllegalArgumentException unless {@code bytes} has {@value #LENGTH} bytes
     */
    static DatastoreKey of(final byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an AES-256 key has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new DatastoreKey(bytes.clone());
    }

    /** The key for a {@link javax.crypto.Cipher}. */
    synchronized SecretKey secretKey() {
        if (erased) {
            throw new IllegalStateException("the datastore key was erased");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A copy of the key bytes, to write to the key file; the caller erases the copy. */
    synchronized byte[] copyBytes() {
        if (erased) {
            throw new IllegalStateException("the datastore key was erased");
        }
        return bytes.clone();
    }

    /** Overwrites the key bytes; the key cannot be used afterwards. */
    synchronized void erase() {
        Arrays.fill(bytes, (byte) 0);
        erased = true;
    }

    @Override
    public String toString() {
        return "DatastoreKey[AES-256, value not shown]";
    }
}
