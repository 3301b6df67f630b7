package org.sdqkd.netconf.protocol.api;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The end-of-message framing of NETCONF {@code :base:1.0} (RFC 6242 section 4.3): each message is followed by
 * {@code ]]>]]>}. XML whitespace between a delimiter and the next message is dropped, and whitespace alone at the
 * end of the input is not a truncated message.
 */
public final class EndOfMessageFraming implements Framing {
    /** The delimiter that ends each message. */
    public static final String DELIMITER = "]]>]]>";

    private static final byte[] DELIMITER_BYTES = DELIMITER.getBytes(StandardCharsets.US_ASCII);

    private final EndOfMessageDecoder decoder;

    private EndOfMessageFraming(final int maxMessageSize) {
        decoder = new EndOfMessageDecoder(DELIMITER_BYTES, maxMessageSize);
    }

    /**
     * A framing for one direction of one session.
     *
     * @param maxMessageSize the largest message accepted, in bytes (at least 1)
     * @return a new framing with no buffered bytes
     * @throws IllegalArgumentException if {@code maxMessageSize} is below 1 or too large for an array
     */
    public static EndOfMessageFraming of(final int maxMessageSize) {
        return new EndOfMessageFraming(maxMessageSize);
    }

    @Override
    public List<byte[]> decode(final byte[] bytes, final int offset, final int length) throws FramingException {
        return decoder.decode(bytes, offset, length);
    }

    /** Each message is given whole, in one part, once its delimiter is found. */
    @Override
    public void decode(final byte[] bytes, final int offset, final int length, final MessageParts parts)
            throws FramingException {
        for (byte[] message : decoder.decode(bytes, offset, length)) {
            if (message.length > 0) {
                parts.part(message, 0, message.length);
            }
            parts.end();
        }
    }

    @Override
    public void endOfInput() throws FramingException {
        decoder.endOfInput();
    }

    /**
     * Appends the delimiter.
     *
     * @throws FramingException with {@link FramingException.Reason#DELIMITER_IN_MESSAGE} if the message holds the
     *                          delimiter (possible in XML comments and attribute values): it would end the message
     */
    @Override
    public byte[] encode(final byte[] message) throws FramingException {
        if (EndOfMessageDecoder.indexOf(message, DELIMITER_BYTES) >= 0) {
            throw new FramingException(FramingException.Reason.DELIMITER_IN_MESSAGE,
                "the message contains the end-of-message delimiter " + DELIMITER);
        }
        final byte[] framed = new byte[message.length + DELIMITER_BYTES.length];
        System.arraycopy(message, 0, framed, 0, message.length);
        System.arraycopy(DELIMITER_BYTES, 0, framed, message.length, DELIMITER_BYTES.length);
        return framed;
    }

    /** Writing the delimiter as part of the message fails, once its last byte is written. */
    @Override
    public OutputStream newMessage(final OutputStream sink) {
        return new EndOfMessageOutput(sink, DELIMITER_BYTES);
    }

    @Override
    public int maxMessageSize() {
        return decoder.maxMessageSize();
    }
}
