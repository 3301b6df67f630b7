package org.sdqkd.qkd.node.impl.relay.channel;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * One connection's TLS handshake under a deadline (the socket is closed when the deadline passes, however slowly
 * the peer sends), then the peer check: its certificate must name a node ID ({@code urn:uuid:}) that the caller
 * accepts.
 */
final class PeerHandshake {
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread thread = new Thread(r, "kme-channel-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private PeerHandshake() {
    }

    /**
     * Handshakes and checks the peer.
     *
     * @param tcp      the TCP socket under {@code socket}, closed at the deadline
     * @param socket   a socket configured by the channel's {@code PqcTls}
     * @param settings the channel settings (deadline)
     * @param accepted which peer node IDs are accepted
     * @return the peer's node ID and the negotiated key exchange group
     * @throws IOException when the handshake fails, the deadline passes or the peer is refused (socket closed)
     */
    static Handshaken handshake(final Socket tcp, final SSLSocket socket, final ChannelSettings settings,
            final Predicate<UUID> accepted) throws IOException {
        final ScheduledFuture<?> deadline = DEADLINES.schedule(() -> closeQuietly(tcp),
            settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            socket.startHandshake();
            if (deadline.isDone()) {
                throw new IOException("TLS handshake deadline of " + settings.handshakeTimeout() + " passed");
            }
            final String group = settings.tls().verify(socket);
            final UUID peer = peerNode(socket);
            if (!accepted.test(peer)) {
                throw new IOException("peer node " + peer + " is not the one expected");
            }
            return new Handshaken(peer, group);
        } catch (IOException e) {
            closeQuietly(tcp);
            closeQuietly(socket);
            if (deadline.isDone() && !e.getMessage().contains("deadline")) {
                throw new IOException("TLS handshake deadline of " + settings.handshakeTimeout() + " passed", e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    /** A handshake's outcome: the peer's node ID and the negotiated key exchange group. */
    record Handshaken(UUID peer, String group) {
    }

    private static UUID peerNode(final SSLSocket socket) throws SSLPeerUnverifiedException {
        final Certificate[] chain = socket.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            throw new SSLPeerUnverifiedException("the peer sent no X.509 certificate");
        }
        final Optional<UUID> node = TlsIdentity.nodeId(certificate);
        return node.orElseThrow(() -> new SSLPeerUnverifiedException(
            "the peer certificate " + certificate.getSubjectX500Principal() + " names no node (urn:uuid:)"));
    }

    static void closeQuietly(final Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that is failing anyway
        }
    }
}
