package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: Jetty with one plain HTTP/1.1 connector and the RESTCONF handler, plus the listeners that move
 * {@code Last-Modified} when running or the operational state change by other means than this gateway.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final Registration listener;

    private GatewayServer(final Server server, final ServerConnector connector, final Registration listener) {
        this.server = server;
        this.connector = connector;
        this.listener = listener;
    }

    /**
     * Starts a gateway.
     *
     * @param datastores the datastores to serve
     * @param models     their models
     * @param address    where to listen; port 0 picks a free port
     * @param maxBody    the largest request body accepted, in bytes
     * @param tfsCompatible whether TeraFlowSDN's QKD driver's habits are accepted ({@link TfsCompatibleHandler})
     * @return the running gateway
     * @throws Exception when Jetty cannot start (for example, the port is taken)
     */
    @SuppressWarnings("checkstyle:IllegalThrows")
    public static GatewayServer start(final Datastores datastores, final EffectiveModelContext models,
            final InetSocketAddress address, final int maxBody, final boolean tfsCompatible) throws Exception {
        requireNonNull(datastores);
        final ModificationClock clock = new ModificationClock(Clock.systemUTC());
        final QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("restconf");
        final Server server = new Server(threads);
        final HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // percent-encoded '/' and '%' belong in key values (RFC 8040 section 3.5.3); the gateway decodes them itself
        http.setUriCompliance(UriCompliance.DEFAULT.with("restconf", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        final ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        final ModuleSources sources = ModuleSources.fromClassPath();
        final ModelCodecs codecs = ModelCodecs.of(ServedModels.of(models, sources));
        final RestconfHandler restconf = new RestconfHandler(datastores, codecs, sources, maxBody, clock);
        server.setHandler(tfsCompatible ? new TfsCompatibleHandler(restconf, codecs, maxBody) : restconf);
        final Registration configuration = datastores.listen(DatastoreName.RUNNING, YangInstanceIdentifier.of(),
            change -> clock.touchConfiguration());
        final Registration state = datastores.listen(DatastoreName.OPERATIONAL, YangInstanceIdentifier.of(),
            change -> clock.touchState());
        final Registration listener = () -> {
            configuration.close();
            state.close();
        };
        try {
            server.start();
        } catch (Exception e) {
            listener.close();
            server.stop();
            throw e;
        }
        LOG.info("RESTCONF gateway listening on http://{}:{}/restconf", address.getHostString(),
            connector.getLocalPort());
        return new GatewayServer(server, connector, listener);
    }

    /** The port the gateway listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URI, {@code http://host:port}. */
    public URI baseUri() {
        return URI.create("http://" + hostForUri(connector.getHost()) + ":" + port());
    }

    private static String hostForUri(final String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        listener.close();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the RESTCONF gateway did not stop cleanly", e);
        }
    }
}
