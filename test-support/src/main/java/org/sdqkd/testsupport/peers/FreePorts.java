package org.sdqkd.testsupport.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TCP ports on 127.0.0.1 that are free now, for servers that must be told their port on the command line.
 * A port found free can be taken by someone else before the server binds it; the fixtures retry then.
 */
public final class FreePorts {

    /** Blocks are looked for below the Linux ephemeral range (32768-60999), where outgoing connections do not land. */
    private static final int BLOCK_LOW = 20_000;
    private static final int BLOCK_HIGH = 32_000;
    private static final int BLOCK_ATTEMPTS = 100;

    private FreePorts() {
    }

    /**
     * Finds one free port: binds port 0, reads the port the kernel chose, and closes the socket.
     *
     * @return the port
     */
    public static int one() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
        }
    }

    /**
     * Finds {@code count} consecutive free ports, trying random blocks below the ephemeral range and binding every
     * port of a block before accepting it.
     *
     * @param count how many ports
     * @return the first port of the block
     * @throws IllegalStateException if no free block was found
     */
    public static int block(final int count) {
        if (count < 1 || count > BLOCK_HIGH - BLOCK_LOW) {
            throw new IllegalArgumentException("Cannot find a block of " + count + " ports");
        }
        for (int attempt = 0; attempt < BLOCK_ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(BLOCK_LOW, BLOCK_HIGH - count + 1);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("No block of " + count + " free ports found on 127.0.0.1");
    }

    private static boolean allFree(final int first, final int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            for (int port = first; port < first + count; port++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the port is released anyway
                }
            }
        }
    }
}
