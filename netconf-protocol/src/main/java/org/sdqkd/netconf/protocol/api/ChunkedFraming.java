package org.sdqkd.netconf.protocol.api;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The chunked framing of NETCONF {@code :base:1.1} (RFC 6242 section 4.2): a message is one or more chunks
 * {@code \n#<chunk-size>\n<data>} followed by {@code \n##\n}. Decoding is strict: chunk sizes are 1..4294967295
 * without leading zeros and headers are exactly as the RFC's ABNF; anything else breaks the framing.
 */
public final class ChunkedFraming implements Framing {
    /**
     * The size of the chunks of a message framed while it is written, each sent on as soon as it is full: small
     * enough that the peer parses a large reply while the rest of it is written, large enough that the chunk headers
     * and the SSH packets per chunk cost little.
     */
    public static final int CHUNK_SIZE = 8 * 1024;

    private final ChunkDecoder decoder;

    private ChunkedFraming(final int maxMessageSize) {
        decoder = new ChunkDecoder(maxMessageSize);
    }

    /**
     * A framing for one direction of one session.
     *
     * @param maxMessageSize the largest message accepted, in bytes (at least 1)
     * @return a new framing with no buffered bytes
     * @throws IllegalArgumentException if {@code maxMessageSize} is below 1 or too large for an array
     */
    public static ChunkedFraming of(final int maxMessageSize) {
        return new ChunkedFraming(maxMessageSize);
    }

    @Override
    public List<byte[]> decode(final byte[] bytes, final int offset, final int length) throws FramingException {
        return decoder.decode(bytes, offset, length);
    }

    @Override
    public void decode(final byte[] bytes, final int offset, final int length, final MessageParts parts)
            throws FramingException {
        decoder.decode(bytes, offset, length, parts);
    }

    @Override
    public void endOfInput() throws FramingException {
        decoder.endOfInput();
    }

    /**
     * Frames the message as one chunk and end-of-chunks.
     *
     * @throws FramingException with {@link FramingException.Reason#EMPTY_MESSAGE} for an empty message, which
     *                          chunked framing cannot carry (a chunk has at least one byte)
     */
    @Override
    public byte[] encode(final byte[] message) throws FramingException {
        if (message.length == 0) {
            throw new FramingException(FramingException.Reason.EMPTY_MESSAGE,
                "an empty message cannot be framed in chunks");
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 20);
        out.writeBytes(("\n#" + message.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(message);
        out.writeBytes(new byte[] {'\n', '#', '#', '\n'});
        return out.toByteArray();
    }

    /**
     * Chunks of at most {@value #CHUNK_SIZE} bytes, each sent on (the sink flushed) as soon as it is full; a message
     * whose bytes arrive in larger writes may have larger chunks. Closing the stream of a message with no bytes fails.
     */
    @Override
    public OutputStream newMessage(final OutputStream sink) {
        return new ChunkedMessageOutput(sink, CHUNK_SIZE);
    }

    @Override
    public int maxMessageSize() {
        return decoder.maxMessageSize();
    }
}
