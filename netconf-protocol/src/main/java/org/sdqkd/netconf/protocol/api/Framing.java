package org.sdqkd.netconf.protocol.api;

import java.io.OutputStream;
import java.net.URI;
import java.util.List;

/**
 * One of the two message framings of RFC 6242 section 4: {@link EndOfMessageFraming} ({@code :base:1.0}) or
 * {@link ChunkedFraming} ({@code :base:1.1}). An instance decodes one direction of one session: it keeps the bytes
 * of an unfinished message between calls, so bytes may arrive split anywhere. It is not thread-safe. Encoding
 * keeps no state.
 */
public sealed interface Framing permits EndOfMessageFraming, ChunkedFraming {
    /**
     * Feeds received bytes and returns the messages they complete, in order, without their framing. A message
     * larger than {@link #maxMessageSize()} is refused as soon as that is known, before it is buffered whole.
     * After a failure the framing is broken and every further call fails.
     *
     * @param bytes  a buffer holding received bytes
     * @param offset where the received bytes start in {@code bytes}
     * @param length how many bytes were received
     * @return the messages completed by these bytes, possibly none
     * @throws FramingException if the bytes break the framing or a message is too big
     */
    List<byte[]> decode(byte[] bytes, int offset, int length) throws FramingException;

    /**
     * Feeds received bytes; the same as {@code decode(bytes, 0, bytes.length)}.
     *
     * @param bytes the received bytes
     * @return the messages completed by these bytes, possibly none
     * @throws FramingException if the bytes break the framing or a message is too big
     */
    default List<byte[]> decode(final byte[] bytes) throws FramingException {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Feeds received bytes and hands the messages' bytes to {@code parts} as they arrive, without waiting for the end
     * of each message: the same framing and limits as {@link #decode(byte[], int, int)}, without gathering a
     * message's bytes in a buffer where the framing allows (chunked framing gives ranges of {@code bytes}; the
     * end-of-message framing gives each message whole, once its delimiter is found). Use one of the two ways to
     * decode per message. A message refused part-way (too big, broken framing) ends with the exception, not with
     * {@link MessageParts#end()}: the receiver drops what it was given of it.
     *
     * @param bytes  a buffer holding received bytes; not to be changed after the call (see {@link MessageParts})
     * @param offset where the received bytes start in {@code bytes}
     * @param length how many bytes were received
     * @param parts  where the bytes of messages go
     * @throws FramingException if the bytes break the framing or a message is too big
     */
    void decode(byte[] bytes, int offset, int length, MessageParts parts) throws FramingException;

    /**
     * Tells that the input ended (the peer closed the channel).
     *
     * @throws FramingException with {@link FramingException.Reason#TRUNCATED} if a message was begun and not
     *                          finished, or if the framing was broken before
     */
    void endOfInput() throws FramingException;

    /**
     * Frames one message for sending.
     *
     * @param message the bytes of one XML message
     * @return the framed bytes
     * @throws FramingException if this framing cannot carry the message
     */
    byte[] encode(byte[] message) throws FramingException;

    /**
     * Frames one message while it is written, for messages too large to hold as bytes: what is written to the
     * returned stream goes to {@code sink} framed, and closing it ends the message (it does not close the sink,
     * nor flush it; chunked framing flushes the sink after each full chunk, so the peer can read the message while
     * it is written). The stream is not thread-safe; the caller keeps other messages off the sink until it is
     * closed. A message that could not be written whole is broken: the session must end.
     *
     * @param sink where the framed bytes go
     * @return the stream of one message
     */
    OutputStream newMessage(OutputStream sink);

    /** The largest message, in bytes, that {@link #decode(byte[], int, int)} accepts. */
    int maxMessageSize();

    /** The base capability that selects this framing: {@code :base:1.0} or {@code :base:1.1} (RFC 6242 4.1). */
    default URI baseCapability() {
        return switch (this) {
            case EndOfMessageFraming eom -> Capabilities.BASE_1_0;
            case ChunkedFraming chunked -> Capabilities.BASE_1_1;
        };
    }
}
