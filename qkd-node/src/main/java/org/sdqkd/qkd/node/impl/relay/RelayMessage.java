package org.sdqkd.qkd.node.impl.relay;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One relayed key on one hop, as sent on the KME-to-KME channel (message type {@link #TYPE}):
 * {@code sequence (8) | association (16) | key_ID (16) | hop (1) | path length (1) | path (16 each) | link (16) |
 * pad unit (16) | MAC unit (16) | ciphertext (32) | MAC (32)}. {@code hop} is the index in the path of the node
 * receiving it. The ciphertext is the 256-bit end-to-end key XOR the pad unit; the MAC is HMAC-SHA256 keyed with
 * the MAC unit over every byte before it. No key byte appears in {@link #toString()}.
 *
 * @param sequence    the sender's relay sequence on this channel (0, 1, 2, ...)
 * @param association the association (VIRT link)
 * @param keyId       the end-to-end key's key_ID
 * @param hop         the receiver's index in the path
 * @param path        the path
 * @param link        the link whose units pad and authenticate this hop
 * @param padUnit     the unit XORed with the key
 * @param macUnit     the unit keying the MAC
 * @param ciphertext  the padded key, 32 bytes
 * @param mac         the MAC, 32 bytes
 */
record RelayMessage(long sequence, UUID association, UUID keyId, int hop, List<UUID> path, UUID link, UUID padUnit,
        UUID macUnit, byte[] ciphertext, byte[] mac) {
    /** The channel message type of a relayed key. */
    static final int TYPE = 1;
    /** Bytes of a key, a pad and a MAC. */
    static final int KEY_BYTES = 32;

    /** The bytes the MAC covers. */
    byte[] authenticated() {
        final ByteBuffer out = ByteBuffer.allocate(8 + 16 + 16 + 1 + 1 + 16 * path.size() + 16 * 3 + KEY_BYTES);
        out.putLong(sequence);
        put(out, association);
        put(out, keyId);
        out.put((byte) hop);
        out.put((byte) path.size());
        path.forEach(node -> put(out, node));
        put(out, link);
        put(out, padUnit);
        put(out, macUnit);
        out.put(ciphertext);
        return out.array();
    }

    /** The whole message. */
    byte[] encode() {
        final byte[] body = authenticated();
        final byte[] all = new byte[body.length + KEY_BYTES];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(mac, 0, all, body.length, KEY_BYTES);
        return all;
    }

    /**
     * Reads a message.
     *
     * @param bytes the payload
     * @return the message
     * @throws IllegalArgumentException when it is malformed (wrong length, path length out of range)
     */
    static RelayMessage decode(final byte[] bytes) {
        try {
            final ByteBuffer in = ByteBuffer.wrap(bytes);
            final long sequence = in.getLong();
            final UUID association = get(in);
            final UUID keyId = get(in);
            final int hop = in.get() & 0xFF;
            final int nodes = in.get() & 0xFF;
            if (nodes < 2 || nodes > RelayRoute.MAX_NODES || hop < 1 || hop >= nodes) {
                throw new IllegalArgumentException("path of " + nodes + " nodes with hop " + hop);
            }
            final List<UUID> path = new ArrayList<>(nodes);
            for (int i = 0; i < nodes; i++) {
                path.add(get(in));
            }
            final UUID link = get(in);
            final UUID pad = get(in);
            final UUID macUnit = get(in);
            final byte[] ciphertext = new byte[KEY_BYTES];
            in.get(ciphertext);
            final byte[] mac = new byte[KEY_BYTES];
            in.get(mac);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the MAC");
            }
            return new RelayMessage(sequence, association, keyId, hop, path, link, pad, macUnit, ciphertext, mac);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("message of " + bytes.length + " bytes is truncated", e);
        }
    }

    private static void put(final ByteBuffer out, final UUID id) {
        out.putLong(id.getMostSignificantBits());
        out.putLong(id.getLeastSignificantBits());
    }

    private static UUID get(final ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }

    @Override
    public String toString() {
        return "RelayMessage[sequence=" + sequence + ", association=" + association + ", keyId=" + keyId + ", hop="
            + hop + ", path=" + path + ", link=" + link + "]";
    }

    @Override
    public boolean equals(final Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
