package org.sdqkd.qkd.node.impl.relay.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A TCP relay between a TLS client and server on loopback that reads the key exchange off the wire: the groups of
 * the ClientHello's key_share and supported_groups, and the group of the ServerHello's key_share (TLS 1.3 hellos
 * are plaintext). One connection.
 */
final class HelloTap implements AutoCloseable {
    /** X25519MLKEM768's code point. */
    static final int X25519MLKEM768 = 0x11EC;
    /** x25519's code point. */
    static final int X25519 = 0x001D;

    private final ServerSocket server;
    private final CompletableFuture<List<Integer>> clientShares = new CompletableFuture<>();
    private final CompletableFuture<List<Integer>> clientGroups = new CompletableFuture<>();
    private final CompletableFuture<Integer> serverShare = new CompletableFuture<>();

    HelloTap(final int targetPort) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket client = server.accept();
                 Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                final Thread up = Thread.ofVirtual().start(() -> pump(client, target, true));
                pump(target, client, false);
                up.join();
            } catch (IOException | InterruptedException e) {
                clientShares.completeExceptionally(e);
            }
        });
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    CompletableFuture<List<Integer>> clientShares() {
        return clientShares;
    }

    CompletableFuture<List<Integer>> clientGroups() {
        return clientGroups;
    }

    CompletableFuture<Integer> serverShare() {
        return serverShare;
    }

    private void pump(final Socket from, final Socket to, final boolean fromClient) {
        final ByteArrayOutputStream first = new ByteArrayOutputStream();
        boolean parsed = false;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            final byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (!parsed) {
                    first.write(buffer, 0, n);
                    try {
                        parsed = parse(first.toByteArray(), fromClient);
                    } catch (RuntimeException e) {
                        serverShare.completeExceptionally(e);
                        clientShares.completeExceptionally(e);
                        parsed = true;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // gone
            }
        }
    }

    /** Parses the first handshake record once it is complete; true when done. */
    private boolean parse(final byte[] bytes, final boolean fromClient) {
        if (bytes.length < 5) {
            return false;
        }
        final ByteBuffer record = ByteBuffer.wrap(bytes);
        if (record.get() != 22) {
            return true;
        }
        record.getShort();
        final int length = record.getShort() & 0xFFFF;
        if (bytes.length < 5 + length) {
            return false;
        }
        final ByteBuffer hello = ByteBuffer.wrap(bytes, 5, length);
        hello.get();
        hello.position(hello.position() + 3 + 2 + 32);
        skip(hello, hello.get() & 0xFF);
        if (fromClient) {
            skip(hello, hello.getShort() & 0xFFFF);
            skip(hello, hello.get() & 0xFF);
        } else {
            hello.position(hello.position() + 2 + 1);
        }
        final int extensionsLength = hello.getShort() & 0xFFFF;
        final int extensionsEnd = hello.position() + extensionsLength;
        while (hello.position() < extensionsEnd) {
            final int type = hello.getShort() & 0xFFFF;
            final int extLength = hello.getShort() & 0xFFFF;
            final int next = hello.position() + extLength;
            if (type == 51 && fromClient) {
                final List<Integer> shares = new ArrayList<>();
                final int sharesLength = hello.getShort() & 0xFFFF;
                final int sharesEnd = hello.position() + sharesLength;
                while (hello.position() < sharesEnd) {
                    shares.add(hello.getShort() & 0xFFFF);
                    skip(hello, hello.getShort() & 0xFFFF);
                }
                clientShares.complete(shares);
            } else if (type == 51) {
                serverShare.complete(hello.getShort() & 0xFFFF);
            } else if (type == 10 && fromClient) {
                final List<Integer> groups = new ArrayList<>();
                final int groupsLength = hello.getShort() & 0xFFFF;
                final int groupsEnd = hello.position() + groupsLength;
                while (hello.position() < groupsEnd) {
                    groups.add(hello.getShort() & 0xFFFF);
                }
                clientGroups.complete(groups);
            }
            hello.position(next);
        }
        return true;
    }

    private static void skip(final ByteBuffer buffer, final int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
