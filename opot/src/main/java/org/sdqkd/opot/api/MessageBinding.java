package org.sdqkd.opot.api;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binds an OPoT proof to its message, so that the verifier refuses an (eCML, eRND) pair captured on the last link
 * and attached to another message, and a packet replayed whole. The ingress appends a trailer to the message:
 * {@code counter (8 bytes, big-endian) | tag (16)}, the tag being HMAC-SHA256 truncated to 128 bits, under a key
 * the ingress shares with the verifier (a QKD key between their sites), over
 * {@code AppID | seq | counter | RND | message}. A forger without the key cannot make a tag for another message;
 * the counter, under the tag, feeds the verifier's {@link ReplayWindow}. Key material: {@link #toString()} shows
 * none and {@link #erase()} overwrites it.
 */
public final class MessageBinding {
    /** The trailer's length: an 8-byte counter and a 16-byte tag. */
    public static final int TRAILER = 24;
    private static final int TAG = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private MessageBinding(final byte[] key) {
        this.key = key;
    }

    /**
     * A binding key.
     *
     * @param key at least 16 bytes; copied
     * @return the binding
     */
    public static MessageBinding of(final byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a binding key needs at least 16 bytes, not " + key.length);
        }
        return new MessageBinding(key.clone());
    }

    /**
     * Writes the trailer after a message.
     *
     * @param field   the field
     * @param packet  the payload, with room for the trailer after the message
     * @param offset  where the payload starts
     * @param end     where the message ends (the trailer goes there)
     * @param counter the packet counter
     * @param rnd     the packet's clear RND
     */
    public void seal(final PrimeField field, final byte[] packet, final int offset, final int end, final long counter,
            final long rnd) {
        for (int i = 0; i < 8; i++) {
            packet[end + i] = (byte) (counter >>> 56 - 8 * i);
        }
        System.arraycopy(tag(field, packet, offset, end, rnd), 0, packet, end + 8, TAG);
    }

    /**
     * Checks the trailer at the end of a packet.
     *
     * @param field  the field
     * @param packet the payload
     * @param offset where it starts
     * @param length its length, trailer included
     * @param rnd    the clear RND the verifier decrypted
     * @return the packet counter, once the tag is right
     * @throws Rejection ({@link Rejection.Reason#BAD_BINDING}) when there is no trailer or its tag is wrong
     */
    public long open(final PrimeField field, final byte[] packet, final int offset, final int length, final long rnd)
            throws Rejection {
        final int end = offset + length - TRAILER;
        if (end < offset + WireFormat.headerLength(field)) {
            throw new Rejection(Rejection.Reason.BAD_BINDING, "no message binding trailer");
        }
        final byte[] expected = tag(field, packet, offset, end, rnd);
        final byte[] actual = Arrays.copyOfRange(packet, end + 8, end + TRAILER);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new Rejection(Rejection.Reason.BAD_BINDING, "the message binding tag does not match");
        }
        long counter = 0;
        for (int i = 0; i < 8; i++) {
            counter = counter << 8 | packet[end + i] & 0xFF;
        }
        return counter;
    }

    private byte[] tag(final PrimeField field, final byte[] packet, final int offset, final int end, final long rnd) {
        final Mac mac;
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
        final int header = WireFormat.headerLength(field);
        mac.update(packet[offset + 1]);
        mac.update(packet[offset + header - 1]);
        mac.update(packet, end, 8);
        final int width = field.fieldBytes();
        for (int i = width - 1; i >= 0; i--) {
            mac.update((byte) (rnd >>> 8 * i));
        }
        mac.update(packet, offset + header, end - offset - header);
        return Arrays.copyOf(mac.doFinal(), TAG);
    }

    /** Overwrites the key. */
    public void erase() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "MessageBinding[hidden]";
    }
}
