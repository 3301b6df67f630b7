package org.sdqkd.qkd.node.impl.relay.channel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated KME-to-KME connection: messages of a type (0..255) and a payload, each in a frame with the
 * next sequence number of its direction. A reader thread (virtual) hands the messages to the {@link ChannelHandler}
 * in order; a frame out of sequence or over the bound closes the channel.
 */
public final class KmeChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KmeChannel.class);

    private final SSLSocket socket;
    private final UUID peer;
    private final String group;
    private final FrameIo frames;
    private final ChannelHandler handler;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KmeChannel(final SSLSocket socket, final PeerHandshake.Handshaken handshaken,
            final ChannelSettings settings, final ChannelHandler handler) throws IOException {
        this.socket = socket;
        this.peer = handshaken.peer();
        this.group = handshaken.group();
        this.frames = new FrameIo(socket.getInputStream(), socket.getOutputStream(), settings.maxFrameBytes());
        this.handler = handler;
    }

    /**
     * Connects to a peer node, handshakes and pins the peer to {@code expectedPeer}.
     *
     * @param settings     the channel settings
     * @param address      the peer's channel address
     * @param expectedPeer the node ID the peer's certificate must name
     * @param handler      receives the peer's messages
     * @return the open channel
     * @throws IOException when the connection, the handshake or the peer check fails
     */
    public static KmeChannel connect(final ChannelSettings settings, final InetSocketAddress address,
            final UUID expectedPeer, final ChannelHandler handler) throws IOException {
        final Socket tcp = new Socket();
        final SSLSocket socket;
        try {
            tcp.connect(address, Math.toIntExact(settings.handshakeTimeout().toMillis()));
            socket = settings.tls().wrap(tcp, true);
        } catch (IOException | RuntimeException e) {
            PeerHandshake.closeQuietly(tcp);
            throw e;
        }
        final PeerHandshake.Handshaken handshaken = PeerHandshake.handshake(tcp, socket, settings,
            expectedPeer::equals);
        return start(socket, handshaken, settings, handler);
    }

    static KmeChannel start(final SSLSocket socket, final PeerHandshake.Handshaken handshaken,
            final ChannelSettings settings, final ChannelHandler handler) throws IOException {
        final KmeChannel channel = new KmeChannel(socket, handshaken, settings, handler);
        Thread.ofVirtual().name("kme-channel-" + channel.peer).start(channel::readLoop);
        return channel;
    }

    /** The peer's node ID, as its certificate names it. */
    public UUID peer() {
        return peer;
    }

    /** The key exchange group this end negotiated (X25519MLKEM768 unless classical is allowed and used). */
    public String keyExchangeGroup() {
        return group;
    }

    /** The TLS session's negotiated protocol (TLSv1.3). */
    public String protocol() {
        return socket.getSession().getProtocol();
    }

    /**
     * Sends one message.
     *
     * @param type    the message type, 0..255
     * @param payload the payload, within the frame bound
     * @throws IOException when the channel is closed or broken
     */
    public void send(final int type, final byte[] payload) throws IOException {
        if (closed.get()) {
            throw new IOException("channel to " + peer + " is closed");
        }
        try {
            frames.write(type, payload);
        } catch (IOException e) {
            shut("send failed: " + e.getMessage());
            throw e;
        }
    }

    /** Whether the channel is open. */
    public boolean isOpen() {
        return !closed.get();
    }

    private void readLoop() {
        String reason = "closed by the peer";
        try {
            while (!closed.get()) {
                final FrameIo.Received frame = frames.read();
                handler.onMessage(this, frame.type(), frame.payload());
            }
        } catch (IOException e) {
            reason = closed.get() ? "closed" : "refused or broken: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("KME channel to {}: the handler failed: {}", peer, e.toString());
            reason = "handler failed: " + e.getClass().getSimpleName();
        }
        shut(reason);
    }

    private void shut(final String reason) {
        if (closed.compareAndSet(false, true)) {
            try {
                socket.close();
            } catch (IOException e) {
                // the socket is gone either way
            }
            LOG.info("KME channel to {} closed: {}", peer, reason);
            handler.onClose(this, reason);
        }
    }

    /** Closes the channel. */
    @Override
    public void close() {
        shut("closed by this end");
    }
}
