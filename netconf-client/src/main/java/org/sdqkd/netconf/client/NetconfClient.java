package org.sdqkd.netconf.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.sdqkd.netconf.client.impl.MinaNetconfClient;
import org.sdqkd.netconf.client.api.ClientConfig;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.ReconnectOptions;
import org.sdqkd.netconf.client.api.ReconnectingSession;

/**
 * The NETCONF client: one Apache MINA SSHD client, a small pool of worker threads and one timer thread, shared by
 * all the sessions it opens, so that holding sessions to hundreds of servers costs no thread per session. Sessions
 * use MINA's asynchronous channel I/O. Thread-safe. Closing it closes every session it opened.
 */
public interface NetconfClient extends AutoCloseable {

    /**
     * Starts a client with {@link ClientConfig#defaults()}.
     *
     * @return the running client
     */
    static NetconfClient create() {
        return create(ClientConfig.defaults());
    }

    /**
     * Starts a client.
     *
     * @param config its thread counts
     * @return the running client
     */
    static NetconfClient create(final ClientConfig config) {
        return new MinaNetconfClient(config);
    }

    /**
     * Opens a session: TCP, SSH, authentication, the {@code netconf} subsystem, then the hello exchange
     * (RFC 6241 section 8.1) and the framing that follows from it (RFC 6242 section 4.1).
     *
     * @param options where and how
     * @return the session once both hellos are exchanged; fails with {@link NetconfConnectException} (a timeout
     *     included)
     */
    CompletableFuture<NetconfSession> connect(ConnectOptions options);

    /**
     * Makes a session kept open across drops, not yet started: call {@link ReconnectingSession#start()}.
     *
     * @param options where and how to connect
     * @param reconnect the backoff between attempts
     * @param onConnect run on each new session before it is reported connected, such as a
     *     {@code create-subscription}; if its future fails, the session is closed and the attempt counts as failed
     * @return the reconnecting session
     */
    ReconnectingSession reconnecting(ConnectOptions options, ReconnectOptions reconnect,
        Function<NetconfSession, CompletableFuture<?>> onConnect);

    /**
     * Closes every session and stops the threads. Does nothing the second time.
     */
    @Override
    void close();
}
