package org.sdqkd.netconf.interop.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A man in the middle on loopback, for tests: a TCP proxy between an SSH client and server that reads the cleartext
 * binary packets of the initial key exchange (RFC 4253 section 6: {@code uint32 packet_length, byte padding_length,
 * payload, padding}, no MAC before {@code SSH_MSG_NEWKEYS}). It forwards every whole packet until the client sends its
 * key exchange init (message 30, {@code SSH_MSG_KEX_ECDH_INIT}); from then on it drops what the server sends, gives
 * the client a forged {@code SSH_MSG_DISCONNECT} (RFC 4253 section 11.1) instead, and closes.
 */
final class ForgedDisconnectProxy implements AutoCloseable {
    private static final int KEX_ECDH_INIT = 30;
    private static final int DISCONNECT = 1;
    private static final int KEY_EXCHANGE_FAILED = 3;
    private static final int BLOCK = 8;
    private static final int MAX_PACKET = 256 * 1024;

    private final ServerSocket listener;
    private final int serverPort;
    private final byte[] forged;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ForgedDisconnectProxy(final ServerSocket listener, final int serverPort, final String message) {
        this.listener = listener;
        this.serverPort = serverPort;
        this.forged = disconnectPacket(message);
    }

    /**
     * Starts a proxy on a free loopback port.
     *
     * @param serverPort the SSH server's loopback port
     * @param message    the description of the forged disconnect
     * @return the running proxy
     * @throws IOException if it cannot listen
     */
    static ForgedDisconnectProxy start(final int serverPort, final String message) throws IOException {
        final ForgedDisconnectProxy proxy = new ForgedDisconnectProxy(new ServerSocket(0, 50,
            InetAddress.getLoopbackAddress()), serverPort, message);
        Thread.ofVirtual().name("forged-disconnect-proxy").start(proxy::accept);
        return proxy;
    }

    /** The port clients connect to. */
    int port() {
        return listener.getLocalPort();
    }

    /** The connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** The forged disconnects sent so far. */
    int injected() {
        return injected.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                final Socket client = listener.accept();
                connections.incrementAndGet();
                sockets.add(client);
                final Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sockets.add(server);
                final Link link = new Link(client, server);
                Thread.ofVirtual().start(link::relayServer);
                Thread.ofVirtual().start(link::relayClient);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One proxied connection. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private boolean forging;

        Link(final Socket client, final Socket server) {
            this.client = client;
            this.server = server;
        }

        /** Server to client: whole packets, until the client's key exchange init has been seen. */
        void relayServer() {
            try {
                final DataInputStream in = new DataInputStream(server.getInputStream());
                final OutputStream out = client.getOutputStream();
                byte[] line;
                do {
                    line = readLine(in);
                    out.write(line);
                } while (!new String(line, StandardCharsets.US_ASCII).startsWith("SSH-"));
                while (true) {
                    final byte[] packet = readPacket(in);
                    synchronized (this) {
                        if (forging) {
                            return;
                        }
                        out.write(packet);
                    }
                }
            } catch (IOException e) {
                // the connection ended: nothing more to relay
            }
        }

        /** Client to server: whole packets; the key exchange init is answered with the forged disconnect. */
        void relayClient() {
            try (client; server) {
                final DataInputStream in = new DataInputStream(client.getInputStream());
                final OutputStream out = server.getOutputStream();
                out.write(readLine(in));
                while (true) {
                    final byte[] packet = readPacket(in);
                    if ((packet[5] & 0xff) == KEX_ECDH_INIT) {
                        forge();
                        out.write(packet);
                        // wait for the client to close, so that no reset overtakes the forged packet
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                    out.write(packet);
                }
            } catch (IOException e) {
                // the connection ended: nothing more to relay
            }
        }

        private void forge() throws IOException {
            synchronized (this) {
                forging = true;
                client.getOutputStream().write(forged);
            }
            injected.incrementAndGet();
            client.shutdownOutput();
        }
    }

    /** The identification line (RFC 4253 section 4.2), CR LF included. */
    private static byte[] readLine(final InputStream in) throws IOException {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            final int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the identification");
            }
            line.write(b);
            if (b == '\n' || line.size() > 255) {
                return line.toByteArray();
            }
        }
    }

    /** One binary packet, its length field included. */
    private static byte[] readPacket(final DataInputStream in) throws IOException {
        final int length = in.readInt();
        if (length < 5 || length > MAX_PACKET) {
            throw new IOException("not a cleartext SSH packet: packet_length " + length);
        }
        final byte[] packet = new byte[4 + length];
        packet[0] = (byte) (length >>> 24);
        packet[1] = (byte) (length >>> 16);
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        in.readFully(packet, 4, length);
        return packet;
    }

    /** {@code SSH_MSG_DISCONNECT}: reason KEY_EXCHANGE_FAILED, the description and an empty language tag. */
    private static byte[] disconnectPacket(final String message) {
        try {
            final ByteArrayOutputStream payload = new ByteArrayOutputStream();
            final DataOutputStream fields = new DataOutputStream(payload);
            fields.writeByte(DISCONNECT);
            fields.writeInt(KEY_EXCHANGE_FAILED);
            final byte[] text = message.getBytes(StandardCharsets.UTF_8);
            fields.writeInt(text.length);
            fields.write(text);
            fields.writeInt(0);
            int padding = BLOCK - (4 + 1 + payload.size()) % BLOCK;
            if (padding < 4) {
                padding += BLOCK;
            }
            final ByteArrayOutputStream packet = new ByteArrayOutputStream();
            final DataOutputStream out = new DataOutputStream(packet);
            out.writeInt(1 + payload.size() + padding);
            out.writeByte(padding);
            payload.writeTo(out);
            out.write(new byte[padding]);
            return packet.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
