package org.sdqkd.qkd.node.impl.link;

import java.io.IOException;
import java.net.InetAddress;
import java.util.OptionalInt;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.sdqkd.qkd.node.api.LinkChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening end of a link: a TLS server socket that serves this one link. Each accepted connection is
 * checked (client certificate required, its node ID, the link ID of its hello) and then served on a thread of its
 * own; a new session replaces the one before (the peer reconnected).
 */
public final class ListeningEnd implements LinkTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ListeningEnd.class);

    private final SSLServerSocket server;
    private final UUID linkId;
    private final UUID remoteNode;
    private final SessionHandler handler;
    private volatile boolean closed;

    private ListeningEnd(final SSLServerSocket server, final UUID linkId, final UUID remoteNode,
            final SessionHandler handler) {
        this.server = server;
        this.linkId = linkId;
        this.remoteNode = remoteNode;
        this.handler = handler;
    }

    static ListeningEnd bind(final LinkChannel.Listen listen, final SSLContext tls, final UUID linkId,
            final UUID remoteNode, final SessionHandler handler) throws IOException {
        final SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(
            listen.port(), 4, InetAddress.getByName(listen.address()));
        server.setNeedClientAuth(true);
        server.setEnabledProtocols(LinkSession.PROTOCOLS);
        final ListeningEnd end = new ListeningEnd(server, linkId, remoteNode, handler);
        Thread.ofPlatform().daemon().name("link-accept-" + linkId).start(end::acceptLoop);
        return end;
    }

    private void acceptLoop() {
        while (!closed) {
            final SSLSocket socket;
            try {
                socket = (SSLSocket) server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("link {}: accepting failed: {}", linkId, e.getMessage());
                }
                return;
            }
            Thread.ofPlatform().daemon().name("link-session-" + linkId).start(() -> serve(socket));
        }
    }

    private void serve(final SSLSocket socket) {
        final LinkSession session;
        try {
            session = LinkSession.open(socket, linkId, remoteNode);
        } catch (IOException e) {
            LOG.warn("link {}: refused a connection from {}: {}", linkId, socket.getRemoteSocketAddress(),
                e.getMessage());
            return;
        }
        if (closed) {
            session.close();
            return;
        }
        LOG.info("link {}: {} connected", linkId, session.peerName());
        handler.serve(session);
    }

    @Override
    public OptionalInt listenPort() {
        return OptionalInt.of(server.getLocalPort());
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("link {}: closing the server socket: {}", linkId, e.getMessage());
        }
    }
}
