package org.sdqkd.qkd.node.impl.relay.channel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts KME-to-KME channels: each connection handshakes (under the deadline) on a virtual thread, at most
 * {@link #MAX_HANDSHAKES} at once (further connections are closed at once), and a peer whose certificate names a
 * node the {@code accepted} predicate refuses is closed. An accepted peer gets a {@link KmeChannel} with the
 * handler {@code handlers} gives for its node ID.
 */
public final class ChannelListener implements AutoCloseable {
    /** The most handshakes in progress at once. */
    public static final int MAX_HANDSHAKES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);

    private final ServerSocket server;
    private final ChannelSettings settings;
    private final Predicate<UUID> accepted;
    private final Function<UUID, ChannelHandler> handlers;
    private final Semaphore handshakes = new Semaphore(MAX_HANDSHAKES);

    private ChannelListener(final ServerSocket server, final ChannelSettings settings,
            final Predicate<UUID> accepted, final Function<UUID, ChannelHandler> handlers) {
        this.server = server;
        this.settings = settings;
        this.accepted = accepted;
        this.handlers = handlers;
    }

    /**
     * Listens.
     *
     * @param settings the channel settings
     * @param address  the address to bind
     * @param port     the port, 0 for any
     * @param accepted which peer node IDs may connect
     * @param handlers the handler for each accepted peer
     * @return the listener
     * @throws IOException when the bind fails
     */
    public static ChannelListener listen(final ChannelSettings settings, final InetAddress address, final int port,
            final Predicate<UUID> accepted, final Function<UUID, ChannelHandler> handlers) throws IOException {
        final ChannelListener listener = new ChannelListener(new ServerSocket(port, 50, address), settings,
            accepted, handlers);
        Thread.ofVirtual().name("kme-channel-accept").start(listener::acceptLoop);
        return listener;
    }

    /** The port bound. */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            final Socket socket;
            try {
                socket = server.accept();
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                LOG.warn("KME channel listener: accept failed: {}", e.getMessage());
                continue;
            }
            if (!handshakes.tryAcquire()) {
                LOG.warn("KME channel listener: {} handshakes in progress, connection from {} closed",
                    MAX_HANDSHAKES, socket.getRemoteSocketAddress());
                PeerHandshake.closeQuietly(socket);
                continue;
            }
            Thread.ofVirtual().name("kme-channel-handshake").start(() -> admit(socket));
        }
    }

    private void admit(final Socket tcp) {
        final PeerHandshake.Handshaken peer;
        final SSLSocket socket;
        try {
            socket = settings.tls().wrap(tcp, false);
            peer = PeerHandshake.handshake(tcp, socket, settings, accepted);
        } catch (IOException | RuntimeException e) {
            LOG.warn("KME channel from {} refused: {}", tcp.getRemoteSocketAddress(), e.getMessage());
            PeerHandshake.closeQuietly(tcp);
            return;
        } finally {
            handshakes.release();
        }
        try {
            KmeChannel.start(socket, peer, settings, handlers.apply(peer.peer()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("KME channel from {} could not start: {}", peer.peer(), e.getMessage());
            PeerHandshake.closeQuietly(socket);
        }
    }

    /** Stops listening; open channels stay open. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
