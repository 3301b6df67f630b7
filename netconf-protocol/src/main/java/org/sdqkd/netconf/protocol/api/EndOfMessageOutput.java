package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Frames one message with the end-of-message delimiter (RFC 6242 section 4.3) while it is written: the bytes pass
 * to the sink unchanged and {@link #close()} appends the delimiter; it does not close the sink. The bytes are
 * scanned for the delimiter as they pass: a message holding it would end early at the peer, so a write that
 * completes it fails (the message is then broken and the session must end). Not thread-safe.
 */
final class EndOfMessageOutput extends OutputStream {
    private final OutputStream sink;
    private final byte[] delimiter;
    private final int[] fallback;
    private int matched;
    private boolean closed;

    /**
     * A message output.
     *
     * @param sink      where the framed bytes go
     * @param delimiter the delimiter, {@code ]]>]]>}
     */
    public EndOfMessageOutput(final OutputStream sink, final byte[] delimiter) {
        this.sink = requireNonNull(sink);
        this.delimiter = delimiter.clone();
        fallback = fallback(this.delimiter);
    }

    @Override
    public void write(final int value) throws IOException {
        write(new byte[] {(byte) value}, 0, 1);
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length) throws IOException {
        if (closed) {
            throw new IOException("the message has ended");
        }
        Objects.checkFromIndexSize(offset, length, bytes.length);
        for (int i = offset; i < offset + length; i++) {
            final byte b = bytes[i];
            while (matched > 0 && delimiter[matched] != b) {
                matched = fallback[matched - 1];
            }
            if (delimiter[matched] == b) {
                matched++;
            }
            if (matched == delimiter.length) {
                throw new IOException("the message contains the end-of-message delimiter");
            }
        }
        sink.write(bytes, offset, length);
    }

    @Override
    public void flush() {
        // the session flushes the sink after the whole message
    }

    /**
     * Ends the message with the delimiter.
     *
     * @throws IOException if the sink fails
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            sink.write(delimiter);
        }
    }

    /** The Knuth-Morris-Pratt failure function: the longest proper prefix that is a suffix of each prefix. */
    private static int[] fallback(final byte[] pattern) {
        final int[] table = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = table[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            table[i] = k;
        }
        return table;
    }
}
