package org.sdqkd.netconf.protocol.api;

import java.util.Arrays;

/** A growable byte buffer holding the bytes of the message being decoded. */
final class ByteAccumulator {
    /** The largest array size the JVMs we use allow, with room for the framing around a message. */
    static final int MAX_SIZE = Integer.MAX_VALUE - 16;

    private static final int INITIAL = 1024;
    private static final int KEPT = 64 * 1024;

    private byte[] bytes = new byte[INITIAL];
    private int size;

    /** Checks a configured maximum message size. */
    static int checkMaxMessageSize(final int maxMessageSize) {
        if (maxMessageSize < 1 || maxMessageSize > MAX_SIZE) {
            throw new IllegalArgumentException("maximum message size must be 1.." + MAX_SIZE + ", not "
                + maxMessageSize);
        }
        return maxMessageSize;
    }

    int size() {
        return size;
    }

    void append(final byte[] source, final int offset, final int length) {
        if (length > bytes.length - size) {
            final long wanted = Math.max((long) size + length, Math.min(2L * bytes.length, MAX_SIZE));
            if (wanted > MAX_SIZE) {
                throw new IllegalStateException("message buffer beyond " + MAX_SIZE + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Returns the first {@code length} bytes and empties the buffer. */
    byte[] take(final int length) {
        final byte[] message = Arrays.copyOf(bytes, length);
        size = 0;
        if (bytes.length > KEPT) {
            bytes = new byte[INITIAL];
        }
        return message;
    }
}
