package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Secret key bytes that can be erased. The bytes are copied on the way in and on the way out, {@link #erase()}
 * overwrites them with zeros, and {@link #toString()} shows only the length: a key never reaches a log by accident.
 */
public final class KeyBytes {
    private final Object lock = new Object();
    private final byte[] bytes;
    private boolean erased;

    private KeyBytes(final byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Key bytes holding a copy of {@code source}.
     *
     * @param source the bytes, not empty; the caller should erase its own copy
     * @return the key bytes
     */
    public static KeyBytes copyOf(final byte[] source) {
        requireNonNull(source);
        if (source.length == 0) {
            throw new IllegalArgumentException("empty key");
        }
        return new KeyBytes(source.clone());
    }

    /**
     * Key bytes holding a copy of part of {@code source}.
     *
     * @param source the bytes
     * @param offset where the key starts
     * @param length how many bytes, at least one
     * @return the key bytes
     */
    public static KeyBytes copyOf(final byte[] source, final int offset, final int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("empty key");
        }
        return new KeyBytes(Arrays.copyOfRange(source, offset, offset + length));
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /**
     * A copy of the bytes; the caller erases it when done.
     *
     * @throws IllegalStateException when the key was erased
     */
    public byte[] bytes() {
        synchronized (lock) {
            if (erased) {
                throw new IllegalStateException("the key was erased");
            }
            return bytes.clone();
        }
    }

    /** Whether {@link #erase()} was called. */
    public boolean isErased() {
        synchronized (lock) {
            return erased;
        }
    }

    /** Overwrites the bytes with zeros; later calls to {@link #bytes()} fail. */
    public void erase() {
        synchronized (lock) {
            Arrays.fill(bytes, (byte) 0);
            erased = true;
        }
    }

    /**
     * Whether the two keys hold the same bytes, compared in constant time.
     *
     * @param other the other key
     * @return true when both hold the same bytes and neither was erased
     */
    public boolean sameBytes(final KeyBytes other) {
        final byte[] mine = bytes();
        final byte[] theirs = other.bytes();
        try {
            return MessageDigest.isEqual(mine, theirs);
        } finally {
            Arrays.fill(mine, (byte) 0);
            Arrays.fill(theirs, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "KeyBytes[" + bytes.length + " bytes" + (isErased() ? ", erased]" : "]");
    }
}
