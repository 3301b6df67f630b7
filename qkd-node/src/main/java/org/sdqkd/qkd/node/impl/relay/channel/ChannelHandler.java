package org.sdqkd.qkd.node.impl.relay.channel;

/** What receives the messages of a {@link KmeChannel}, on the channel's reader thread. */
public interface ChannelHandler {
    /**
     * A message arrived in order.
     *
     * @param channel the channel
     * @param type    the message type (the caller's own numbering, 0..255)
     * @param payload the payload; the handler owns it
     */
    void onMessage(KmeChannel channel, int type, byte[] payload);

    /**
     * The channel closed: by either end, a broken connection or a refused frame.
     *
     * @param channel the channel
     * @param reason  why, without payload bytes
     */
    void onClose(KmeChannel channel, String reason);
}
