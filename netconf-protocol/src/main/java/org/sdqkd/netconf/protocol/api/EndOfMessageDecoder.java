package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.checkFromIndexSize;

import java.util.ArrayList;
import java.util.List;
import org.sdqkd.netconf.protocol.api.FramingException.Reason;

/**
 * Splits a byte stream at a delimiter (RFC 6242 section 4.3). The delimiter is matched with the Knuth-Morris-Pratt
 * automaton, so a delimiter split between calls is found and every byte is looked at once.
 */
final class EndOfMessageDecoder {
    private final byte[] delimiter;
    private final int[] fallback;
    private final int maxMessageSize;
    private final ByteAccumulator buffer = new ByteAccumulator();
    private int matched;
    private boolean inMessage;
    private FramingException failure;

    /**
     * A decoder with no buffered bytes.
     *
     * @param delimiter      the bytes that end a message
     * @param maxMessageSize the largest message accepted, in bytes
     */
    public EndOfMessageDecoder(final byte[] delimiter, final int maxMessageSize) {
        this.delimiter = delimiter.clone();
        this.maxMessageSize = ByteAccumulator.checkMaxMessageSize(maxMessageSize);
        fallback = new int[delimiter.length];
        for (int i = 1, k = 0; i < delimiter.length; i++) {
            while (k > 0 && delimiter[i] != delimiter[k]) {
                k = fallback[k - 1];
            }
            if (delimiter[i] == delimiter[k]) {
                k++;
            }
            fallback[i] = k;
        }
    }

    /** See {@link org.sdqkd.netconf.protocol.api.Framing#decode(byte[], int, int)}. */
    public List<byte[]> decode(final byte[] bytes, final int offset, final int length) throws FramingException {
        checkFromIndexSize(offset, length, bytes.length);
        if (failure != null) {
            throw failure;
        }
        final List<byte[]> messages = new ArrayList<>(1);
        int start = offset;
        for (int i = offset, end = offset + length; i < end; i++) {
            final byte b = bytes[i];
            if (!inMessage) {
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                    start = i + 1;
                    continue;
                }
                inMessage = true;
                start = i;
            }
            while (matched > 0 && b != delimiter[matched]) {
                matched = fallback[matched - 1];
            }
            if (b == delimiter[matched]) {
                matched++;
            }
            if (matched == delimiter.length) {
                buffer.append(bytes, start, i + 1 - start);
                messages.add(buffer.take(buffer.size() - delimiter.length));
                matched = 0;
                inMessage = false;
                start = i + 1;
            } else if ((long) buffer.size() + (i + 1 - start) - matched > maxMessageSize) {
                throw fail(Reason.TOO_BIG, "message exceeds the maximum of " + maxMessageSize
                    + " bytes without an end-of-message delimiter");
            }
        }
        if (inMessage) {
            buffer.append(bytes, start, offset + length - start);
        }
        return messages;
    }

    /** See {@link org.sdqkd.netconf.protocol.api.Framing#endOfInput()}. */
    public void endOfInput() throws FramingException {
        if (failure != null) {
            throw failure;
        }
        if (inMessage) {
            throw fail(Reason.TRUNCATED, "input ended inside a message: " + buffer.size()
                + " bytes without the end-of-message delimiter");
        }
    }

    /** The largest message accepted, in bytes. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** Where {@code pattern} first occurs in {@code bytes}, or -1. */
    public static int indexOf(final byte[] bytes, final byte[] pattern) {
        outer:
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private FramingException fail(final Reason reason, final String message) {
        failure = new FramingException(reason, message);
        return failure;
    }
}
