package org.sdqkd.restconf.gateway.impl;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The gateway's Jetty connector: HTTPS (TLS 1.3, TLS 1.2 only when allowed) with HTTP/2 negotiated by ALPN (RFC 7301,
 * RFC 9113 section 3.2) and HTTP/1.1 as the fallback, or plain HTTP/1.1; with the head size, idle timeout and
 * connection limits of {@link Limits}.
 */
final class Connectors {
    private static final String HTTP_1_1 = "http/1.1";

    private Connectors() {
    }

    /**
     * Builds the connector and adds it, with its connection limit, to the server.
     *
     * @param server   the server
     * @param settings where to listen, TLS, users and limits
     * @return the connector
     */
    static ServerConnector add(final Server server, final ServerSettings settings) {
        final Limits limits = settings.limits();
        final HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        // percent-encoded '/' and '%' belong in key values (RFC 8040 section 3.5.3); the gateway decodes them itself
        http.setUriCompliance(UriCompliance.DEFAULT.with("restconf", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        final ServerConnector connector;
        if (settings.tls().isPresent()) {
            final TlsSettings tls = settings.tls().orElseThrow();
            http.addCustomizer(new SecureRequestCustomizer(false));
            final HttpConnectionFactory http1 = new HttpConnectionFactory(http);
            final HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(http);
            http2.setMaxDecoderTableCapacity(Math.min(4096, limits.maxHeaderBytes()));
            // ALPN names are case-sensitive: HTTP/1.1 is "http/1.1" (HttpConnectionFactory's protocol is "HTTP/1.1")
            final ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(http2.getProtocol(), HTTP_1_1);
            alpn.setDefaultProtocol(HTTP_1_1);
            connector = new ServerConnector(server, new SslConnectionFactory(sslContext(settings, tls),
                alpn.getProtocol()), alpn, http2, http1);
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(settings.address().getHostString());
        connector.setPort(settings.address().getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        return connector;
    }

    private static SslContextFactory.Server sslContext(final ServerSettings settings, final TlsSettings tls) {
        final SslContextFactory.Server context = new SslContextFactory.Server();
        context.setKeyStore(tls.keyStore());
        context.setKeyStorePassword(tls.keyStorePassword());
        context.setKeyManagerPassword(tls.keyStorePassword());
        context.setTrustStore(tls.trustStore());
        if (tls.allowTls12()) {
            context.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        } else {
            context.setIncludeProtocols("TLSv1.3");
        }
        context.setCipherComparator(HTTP2Cipher.COMPARATOR);
        context.setSniRequired(false);
        final boolean certificates = settings.users().map(users -> !users.certificateUsers().isEmpty())
            .orElse(false);
        final boolean passwords = settings.users().map(users -> !users.passwords().isEmpty()).orElse(false);
        if (certificates && !passwords) {
            context.setNeedClientAuth(true);
        } else if (certificates) {
            context.setWantClientAuth(true);
        }
        return context;
    }
}
