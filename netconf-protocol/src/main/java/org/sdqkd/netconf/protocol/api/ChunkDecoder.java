package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.checkFromIndexSize;

import java.util.ArrayList;
import java.util.List;
import org.sdqkd.netconf.protocol.api.FramingException.Reason;

/**
 * Decodes the chunked framing of RFC 6242 section 4.2, byte by byte in the headers and in bulk in the chunk data,
 * which goes to a {@link MessageParts} as ranges of the input, or is gathered into whole messages:
 * <pre>
 * Chunked-Message = 1*chunk end-of-chunks
 * chunk           = LF HASH chunk-size LF chunk-data
 * chunk-size      = 1*DIGIT1 0*DIGIT    ; 1..4294967295
 * end-of-chunks   = LF HASH HASH LF
 * </pre>
 */
final class ChunkDecoder {
    /** The largest chunk-size of RFC 6242 section 4.2. */
    public static final long MAX_CHUNK_SIZE = 4_294_967_295L;

    private enum State { LF, HASH, SIZE_FIRST, SIZE, DATA, END_LF }

    private final int maxMessageSize;
    private final ByteAccumulator buffer = new ByteAccumulator();
    private State state = State.LF;
    private long size;
    /** The chunk data of the current message announced so far (by chunk headers). */
    private long messageSize;
    private boolean anyChunk;
    private FramingException failure;

    /**
     * A decoder with no buffered bytes.
     *
     * @param maxMessageSize the largest message accepted, in bytes
     */
    public ChunkDecoder(final int maxMessageSize) {
        this.maxMessageSize = ByteAccumulator.checkMaxMessageSize(maxMessageSize);
    }

    /** See {@link org.sdqkd.netconf.protocol.api.Framing#decode(byte[], int, int)}. */
    public List<byte[]> decode(final byte[] bytes, final int offset, final int length) throws FramingException {
        final List<byte[]> messages = new ArrayList<>(1);
        decode(bytes, offset, length, new MessageParts() {
            @Override
            public void part(final byte[] data, final int from, final int count) {
                buffer.append(data, from, count);
            }

            @Override
            public void end() {
                messages.add(buffer.take(buffer.size()));
            }
        });
        return messages;
    }

    /** See {@link org.sdqkd.netconf.protocol.api.Framing#decode(byte[], int, int, MessageParts)}. */
    public void decode(final byte[] bytes, final int offset, final int length, final MessageParts parts)
            throws FramingException {
        checkFromIndexSize(offset, length, bytes.length);
        if (failure != null) {
            throw failure;
        }
        final int end = offset + length;
        int i = offset;
        while (i < end) {
            if (state == State.DATA) {
                final int n = (int) Math.min(size, end - i);
                parts.part(bytes, i, n);
                i += n;
                size -= n;
                if (size == 0) {
                    state = State.LF;
                }
            } else if (header(bytes[i++])) {
                messageSize = 0;
                anyChunk = false;
                parts.end();
            }
        }
    }

    /** See {@link org.sdqkd.netconf.protocol.api.Framing#endOfInput()}. */
    public void endOfInput() throws FramingException {
        if (failure != null) {
            throw failure;
        }
        if (state != State.LF || anyChunk) {
            final long received = messageSize - (state == State.DATA ? size : 0);
            throw fail(Reason.TRUNCATED, "input ended inside a chunked message (" + received
                + " bytes of chunk data received, no end-of-chunks)");
        }
    }

    /** The largest message accepted, in bytes. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** Takes one header byte; true when it completed a message. */
    private boolean header(final byte b) throws FramingException {
        switch (state) {
            case LF -> state = expect(b, '\n', State.HASH, "a line feed starting a chunk header");
            case HASH -> state = expect(b, '#', State.SIZE_FIRST, "'#' after the line feed of a chunk header");
            case SIZE_FIRST -> {
                if (b == '#') {
                    if (!anyChunk) {
                        throw fail(Reason.BAD_CHUNK_HEADER, "end-of-chunks before any chunk: a message needs one");
                    }
                    state = State.END_LF;
                } else if (b == '0') {
                    throw fail(Reason.BAD_CHUNK_SIZE, "chunk size starting with 0: zero and leading zeros are "
                        + "not allowed");
                } else if (b > '0' && b <= '9') {
                    size = b - '0';
                    state = State.SIZE;
                } else {
                    throw fail(Reason.BAD_CHUNK_HEADER, "expected a chunk size or '#' after '#', got " + show(b));
                }
            }
            case SIZE -> size(b);
            case END_LF -> {
                state = expect(b, '\n', State.LF, "a line feed ending end-of-chunks");
                return true;
            }
            case DATA -> throw new IllegalStateException("chunk data is not a header");
        }
        return false;
    }

    private void size(final byte b) throws FramingException {
        if (b >= '0' && b <= '9') {
            size = size * 10 + b - '0';
            if (size > MAX_CHUNK_SIZE) {
                throw fail(Reason.BAD_CHUNK_SIZE, "chunk size above the maximum of " + MAX_CHUNK_SIZE);
            }
        } else if (b == '\n') {
            if (messageSize + size > maxMessageSize) {
                throw fail(Reason.TOO_BIG, "chunk of " + size + " bytes after " + messageSize
                    + " makes the message exceed the maximum of " + maxMessageSize + " bytes");
            }
            messageSize += size;
            anyChunk = true;
            state = State.DATA;
        } else {
            throw fail(Reason.BAD_CHUNK_HEADER, "expected a digit or the line feed ending the chunk size, got "
                + show(b));
        }
    }

    private State expect(final byte b, final char wanted, final State next, final String what)
            throws FramingException {
        if (b != wanted) {
            throw fail(Reason.BAD_CHUNK_HEADER, "expected " + what + ", got " + show(b));
        }
        return next;
    }

    private static String show(final byte b) {
        return b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
    }

    private FramingException fail(final Reason reason, final String message) {
        failure = new FramingException(reason, message);
        return failure;
    }
}
