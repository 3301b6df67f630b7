package org.sdqkd.testsupport.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Tells whether an SSH server answers on a port: connects and reads the identification line it sends first
 * ({@code SSH-2.0-...}, RFC 4253 section 4.2), then closes without authenticating.
 */
final class SshProbe {

    private static final int TIMEOUT_MILLIS = 2_000;
    private static final int MAX_LINE = 255;

    private SshProbe() {
    }

    /**
     * Connects once.
     *
     * @param host the address
     * @param port the port
     * @return true if the server sent an SSH identification line
     */
    static boolean answers(final String host, final int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int next;
            while ((next = in.read()) >= 0 && next != '\n' && line.length() < MAX_LINE) {
                line.append((char) next);
            }
            String text = line.toString();
            return text.startsWith("SSH-2.0-") || text.startsWith("SSH-1.99-");
        } catch (IOException e) {
            return false;
        }
    }
}
