package org.sdqkd.qkd.node.impl.routing;

import java.util.UUID;

/**
 * Carries routing messages to neighbours (the KME-to-KME channel, or an in-memory one in tests). What arrives is
 * given to {@link LinkStateRouter#receive(UUID, byte[])} with the sending node's authenticated identity.
 */
public interface RoutingTransport {
    /**
     * Queues one message for a neighbour. It must not block, and it may drop the message when the neighbour is
     * unreachable (the protocol's hellos and refreshes recover from a loss).
     *
     * @param neighbour the neighbour's {@code qkdn_id}
     * @param message   the encoded message, owned by the transport from now on
     */
    void send(UUID neighbour, byte[] message);
}
