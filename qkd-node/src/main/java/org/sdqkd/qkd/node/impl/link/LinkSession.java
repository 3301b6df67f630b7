package org.sdqkd.qkd.node.impl.link;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * One established channel between the two ends of a link: a TLS 1.3 socket whose peer proved the expected node ID
 * and named the same link. Frames are sent from any thread (one at a time) and received by one reader.
 */
public final class LinkSession implements AutoCloseable {
    /** The only TLS version a link speaks. */
    static final String[] PROTOCOLS = {"TLSv1.3"};

    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private final SSLSocket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final String peerName;
    private final Object writeLock = new Object();

    private LinkSession(final SSLSocket socket, final DataInputStream in, final DataOutputStream out,
            final String peerName) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.peerName = peerName;
    }

    /**
     * Runs the TLS handshake and the hello on a connected socket, and checks the peer.
     *
     * @param socket     the socket, TLS not yet negotiated
     * @param linkId     this link
     * @param remoteNode the node ID the peer's certificate must name
     * @return the session
     * @throws IOException when the handshake fails or the peer is not the one expected; the socket is closed
     */
    public static LinkSession open(final SSLSocket socket, final UUID linkId, final UUID remoteNode)
            throws IOException {
        requireNonNull(linkId);
        requireNonNull(remoteNode);
        try {
            socket.setEnabledProtocols(PROTOCOLS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            socket.startHandshake();
            final X509Certificate peer = peerCertificate(socket);
            final Optional<UUID> peerNode = TlsIdentity.nodeId(peer);
            if (peerNode.isEmpty() || !peerNode.get().equals(remoteNode)) {
                throw new IOException("the peer certificate names node " + peerNode.map(UUID::toString)
                    .orElse("(none)") + ", not " + remoteNode);
            }
            final DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(),
                1 << 16));
            final DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            FrameCodec.write(out, new Frame.Hello(FrameCodec.VERSION, linkId));
            out.flush();
            if (!(FrameCodec.read(in) instanceof Frame.Hello hello)) {
                throw new IOException("the peer did not start with a hello");
            }
            if (hello.version() != FrameCodec.VERSION) {
                throw new IOException("the peer speaks protocol version " + hello.version() + ", not "
                    + FrameCodec.VERSION);
            }
            if (!hello.linkId().equals(linkId)) {
                throw new IOException("the peer names link " + hello.linkId());
            }
            socket.setSoTimeout(0);
            return new LinkSession(socket, in, out, TlsIdentity.commonName(peer).orElse("unknown"));
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new IOException("the peer did not complete the handshake in time", e);
        } catch (EOFException e) {
            closeQuietly(socket);
            throw new IOException("the peer closed the connection during the hello (it refused this end)", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static X509Certificate peerCertificate(final SSLSocket socket) throws IOException {
        try {
            final Certificate[] chain = socket.getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
                throw new IOException("the peer sent no X.509 certificate");
            }
            return cert;
        } catch (SSLPeerUnverifiedException e) {
            throw new IOException("the peer is not authenticated: " + e.getMessage(), e);
        }
    }

    /** The peer node's name, its certificate's CN. */
    public String peerName() {
        return peerName;
    }

    /**
     * Sends a frame.
     *
     * @param frame the frame
     * @throws IOException when the channel fails
     */
    public void send(final Frame frame) throws IOException {
        synchronized (writeLock) {
            FrameCodec.write(out, frame);
            out.flush();
        }
    }

    /**
     * Receives the next frame; one thread only.
     *
     * @return the frame
     * @throws IOException when the channel fails or closes, or a frame is malformed
     */
    public Frame receive() throws IOException {
        return FrameCodec.read(in);
    }

    /** Whether the session was closed. */
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(final SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
