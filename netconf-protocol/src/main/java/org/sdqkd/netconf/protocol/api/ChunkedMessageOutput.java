package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Frames one message in chunks (RFC 6242 section 4.2) while it is written: the bytes are gathered in a buffer of
 * bounded size and each full buffer goes to the sink as one chunk {@code \n#<size>\n<data>}; a write at least as
 * large as the buffer goes out as a chunk of its own, without being copied. The sink is flushed after each such
 * chunk, so that the peer receives and can parse the start of a large message while the rest is still being
 * written. {@link #close()} sends what is left and the end-of-chunks marker {@code \n##\n}; it neither flushes nor
 * closes the sink. Not thread-safe.
 */
final class ChunkedMessageOutput extends OutputStream {
    private static final byte[] END_OF_CHUNKS = {'\n', '#', '#', '\n'};

    private final OutputStream sink;
    private final byte[] buffer;
    private int used;
    private long total;
    private boolean closed;

    /**
     * A message output.
     *
     * @param sink      where the framed bytes go
     * @param chunkSize the size of the buffer, which is the size of most chunks (at least 1)
     */
    public ChunkedMessageOutput(final OutputStream sink, final int chunkSize) {
        this.sink = requireNonNull(sink);
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        buffer = new byte[chunkSize];
    }

    @Override
    public void write(final int value) throws IOException {
        ensureOpen();
        if (used == buffer.length) {
            drain();
            sink.flush();
        }
        buffer[used++] = (byte) value;
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length >= buffer.length) {
            drain();
            chunk(bytes, offset, length);
            sink.flush();
            return;
        }
        if (length > buffer.length - used) {
            drain();
            sink.flush();
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    /** Does nothing: chunks are cut when the buffer is full or the message ends, never by a flush. */
    @Override
    public void flush() {
        // a flush of the XML writer must not split the message into many small chunks; the session flushes the sink
        // after the whole message
    }

    /**
     * Ends the message: the buffered bytes as a last chunk, then the end-of-chunks marker.
     *
     * @throws IOException if nothing was written (a chunked message has at least one byte) or the sink fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (total + used == 0) {
            throw new IOException("an empty message cannot be framed in chunks");
        }
        drain();
        closed = true;
        sink.write(END_OF_CHUNKS);
    }

    private void drain() throws IOException {
        if (used > 0) {
            chunk(buffer, 0, used);
            used = 0;
        }
    }

    private void chunk(final byte[] bytes, final int offset, final int length) throws IOException {
        sink.write(("\n#" + length + "\n").getBytes(StandardCharsets.US_ASCII));
        sink.write(bytes, offset, length);
        total += length;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the message has ended");
        }
    }
}
