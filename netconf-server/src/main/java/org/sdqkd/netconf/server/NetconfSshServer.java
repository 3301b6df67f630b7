package org.sdqkd.netconf.server;

import java.io.IOException;
import java.util.List;
import org.sdqkd.netconf.server.impl.MinaNetconfSshServer;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SshServerConfig;

/**
 * The SSH server of a NETCONF agent (RFC 6242): it authenticates users, accepts the {@code netconf} subsystem and
 * hands each such channel to a {@link SessionHandler}. It refuses shells, commands, other subsystems and port
 * forwarding. Started once, stopped once.
 */
public interface NetconfSshServer extends AutoCloseable {

    /**
     * Builds a server, not yet started.
     *
     * @param config the configuration
     * @param handler what serves the NETCONF sessions
     * @return the server
     * @throws IllegalArgumentException if a configured public key cannot be read
     */
    static NetconfSshServer of(SshServerConfig config, SessionHandler handler) {
        return new MinaNetconfSshServer(config, handler);
    }

    /**
     * Loads or generates the host key and starts listening.
     *
     * @throws IOException if the host key cannot be read or written, or the address cannot be bound
     * @throws IllegalStateException if the server was started before
     */
    void start() throws IOException;

    /**
     * Returns the port the server listens on, which is the configured one unless that was 0.
     *
     * @return the port
     * @throws IllegalStateException if the server is not running
     */
    int port();

    /**
     * Returns the key exchange methods the server offers, in its order of preference (RFC 4253 section 7.1).
     *
     * @return the method names, such as {@code mlkem768x25519-sha256}
     */
    List<String> keyExchangeMethods();

    /**
     * Stops listening and closes every connection; each open session is reported to
     * {@link SessionHandler#sessionClosed}. Does nothing when the server is not running.
     *
     * @throws IOException if the listener could not be closed cleanly
     */
    void stop() throws IOException;

    /**
     * Stops the server, as {@link #stop()}.
     *
     * @throws IOException if the listener could not be closed cleanly
     */
    @Override
    default void close() throws IOException {
        stop();
    }
}
