package org.sdqkd.opot.api;

/**
 * The masks of one link (from node i to node i+1) for one epoch: {@code key_rnd} and {@code key_cml}, each as wide
 * as the field (32 or 64 bits), XORed onto RND and CML by the sender and off again by the receiver, not reduced mod
 * p. Key material: {@link #toString()} shows none and {@link #erase()} overwrites it.
 */
public final class LinkMasks {
    private long keyRnd;
    private long keyCml;

    private LinkMasks(final long keyRnd, final long keyCml) {
        this.keyRnd = keyRnd;
        this.keyCml = keyCml;
    }

    /**
     * Masks of a field's width.
     *
     * @param field  the field
     * @param keyRnd the mask of RND (only the field's low 32 or 64 bits may be set)
     * @param keyCml the mask of CML (same)
     * @return the masks
     */
    public static LinkMasks of(final PrimeField field, final long keyRnd, final long keyCml) {
        final long outside = ~field.widthMask();
        if ((keyRnd & outside) != 0 || (keyCml & outside) != 0) {
            throw new IllegalArgumentException("masks wider than the " + field.fieldBits() + "-bit field");
        }
        return new LinkMasks(keyRnd, keyCml);
    }

    /**
     * Masks taken from key bytes (a QKD key shared by the two ends of the link): the first field-width bytes,
     * big-endian, are {@code key_rnd}, the next ones {@code key_cml}.
     *
     * @param field the field
     * @param key   at least 2 * 4 or 2 * 8 bytes of key; not kept
     * @return the masks
     */
    public static LinkMasks fromKey(final PrimeField field, final byte[] key) {
        final int width = field.fieldBytes();
        if (key.length < 2 * width) {
            throw new IllegalArgumentException("a " + field.fieldBits() + "-bit field needs " + 2 * width
                + " bytes of key, not " + key.length);
        }
        return new LinkMasks(readUnsigned(key, 0, width), readUnsigned(key, width, width));
    }

    private static long readUnsigned(final byte[] bytes, final int offset, final int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = value << 8 | bytes[offset + i] & 0xFF;
        }
        return value;
    }

    /** {@return the mask of RND} */
    public long keyRnd() {
        return keyRnd;
    }

    /** {@return the mask of CML} */
    public long keyCml() {
        return keyCml;
    }

    /** Overwrites the masks. */
    public void erase() {
        keyRnd = 0;
        keyCml = 0;
    }

    @Override
    public String toString() {
        return "LinkMasks[hidden]";
    }
}
