package org.sdqkd.netconf.protocol.api;

/**
 * Receives the messages a {@link Framing} decodes while they arrive, part by part, so that a reader can parse a
 * message before its last byte is received ({@link Framing#decode(byte[], int, int, MessageParts)}).
 */
public interface MessageParts {
    /**
     * Bytes of the message being received, in order, without framing. The framing hands out ranges of the array
     * it was given, not copies: whoever feeds a framing this way must not change that array afterwards.
     *
     * @param bytes  the array holding the bytes
     * @param offset where they start
     * @param length how many there are (at least 1)
     */
    void part(byte[] bytes, int offset, int length);

    /** The message whose bytes were given by {@link #part(byte[], int, int)} since the last end is complete. */
    void end();
}
