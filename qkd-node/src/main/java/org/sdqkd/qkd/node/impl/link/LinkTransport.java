package org.sdqkd.qkd.node.impl.link;

import java.util.OptionalInt;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.sdqkd.qkd.node.api.LinkChannel;

/**
 * One end of a link's channel: it listens or connects, runs the handshake, and hands each established session to
 * a {@link SessionHandler} until the transport is closed.
 */
public sealed interface LinkTransport extends AutoCloseable permits ListeningEnd, ConnectingEnd {
    /** The bound port of a listening end. */
    OptionalInt listenPort();

    /** Stops listening or connecting and closes the current session. */
    @Override
    void close();

    /**
     * Starts the end a channel configuration asks for.
     *
     * @param channel    listen or connect
     * @param tls        this node's TLS context
     * @param linkId     the link
     * @param remoteNode the node the peer must be
     * @param handler    what runs each session
     * @return the started end
     * @throws java.io.IOException when a listening end cannot bind
     */
    static LinkTransport start(final LinkChannel channel, final SSLContext tls, final UUID linkId,
            final UUID remoteNode, final SessionHandler handler) throws java.io.IOException {
        return switch (channel) {
            case LinkChannel.Listen listen -> ListeningEnd.bind(listen, tls, linkId, remoteNode, handler);
            case LinkChannel.Connect connect -> ConnectingEnd.start(connect, tls, linkId, remoteNode, handler);
        };
    }

    /** Runs an established session. */
    @FunctionalInterface
    interface SessionHandler {
        /**
         * Serves the session until it ends; returns when it is closed.
         *
         * @param session the session
         */
        void serve(LinkSession session);
    }
}
