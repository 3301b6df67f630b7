package org.sdqkd.qkd.node.impl.kme;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.sdqkd.qkd.node.api.KeyDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sdqkd.qkd.node.api.KmeEndpoint;
import org.sdqkd.qkd.node.api.KmeSettings;

/**
 * The node's ETSI GS QKD 014 key management entity: an HTTPS server (TLS 1.3 and 1.2; HTTP/2 or HTTP/1.1 with
 * keep-alive, chosen by ALPN, HTTP/1.1 when the client offers nothing) serving the REST API in front of a
 * {@link KeyDelivery}. TLS asks for a client certificate without requiring one:
 * a certificate that does not lead to the trusted CA fails the handshake, and a request without one is answered
 * with 401 and an ETSI Error body. The caller's SAE ID is its certificate's CN.
 */
public final class KmeServer implements KmeEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(KmeServer.class);
    private static final String HTTP_1_1 = "http/1.1";

    private final Server server;
    private final ServerConnector connector;

    private KmeServer(final Server server, final ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts serving.
     *
     * @param settings where to listen, the node's TLS identity and the request limits
     * @param delivery the key plane that gives the keys
     * @return the running server, to {@link #close()}
     * @throws IOException when the server cannot start (the port is taken, the TLS identity is unusable)
     */
    public static KmeServer start(final KmeSettings settings, final KeyDelivery delivery) throws IOException {
        requireNonNull(settings);
        requireNonNull(delivery);
        final QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("kme");
        final Server server = new Server(threads);
        final SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(settings.tls().keyStore());
        tls.setKeyStorePassword(settings.tls().keyStorePassword());
        tls.setKeyManagerPassword(settings.tls().keyStorePassword());
        tls.setTrustStore(settings.tls().trustStore());
        tls.setWantClientAuth(true);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        tls.setSniRequired(false);
        final HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.addCustomizer(new SecureRequestCustomizer(false));
        final HttpConnectionFactory http1 = new HttpConnectionFactory(config);
        final HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(config);
        // ALPN names are case-sensitive: HTTP/1.1 is "http/1.1" (HttpConnectionFactory's protocol is "HTTP/1.1")
        final ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(http2.getProtocol(), HTTP_1_1);
        alpn.setDefaultProtocol(HTTP_1_1);
        tls.setCipherComparator(HTTP2Cipher.COMPARATOR);
        final ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()),
            alpn, http2, http1);
        connector.setHost(settings.bindAddress());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(new KmeHandler(delivery, settings.limits()));
        server.setErrorHandler(new KmeErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            stop(server);
            throw new IOException("the KME cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": "
                + e.getMessage(), e);
        }
        LOG.info("ETSI GS QKD 014 KME on https://{}:{}", settings.bindAddress(), connector.getLocalPort());
        return new KmeServer(server, connector);
    }

    /** The port listened on (the one chosen when the settings asked for 0). */
    @Override
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops serving; open connections are closed. */
    @Override
    public void close() {
        stop(server);
    }

    private static void stop(final Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the KME did not stop cleanly", e);
        }
    }
}
