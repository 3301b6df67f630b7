package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.restconf.gateway.StreamLimits;
import org.sdqkd.restconf.gateway.spi.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: Jetty with one connector ({@link Connectors}: HTTPS with HTTP/2 and HTTP/1.1, or plain HTTP),
 * the minimum request data rate, {@link Authentication} and the RESTCONF handler, plus the listeners that move
 * {@code Last-Modified} when running or the operational state change by other means than this gateway and that raise
 * a configuration change event on the {@code NETCONF} stream for every commit to running.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final int PASSWORD_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final Duration REMEMBER_PASSWORDS = Duration.ofMinutes(5);
    private static final Duration FIRST_DELAY = Duration.ofMillis(250);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(8);
    private static final Duration FORGET_FAILURES = Duration.ofMinutes(15);

    private final Server server;
    private final ServerConnector connector;
    private final Registration listener;
    private final String scheme;
    private final OperationRegistry operations;
    private final NotificationStream stream;
    private final StreamResource streams;

    private GatewayServer(final Server server, final ServerConnector connector, final Registration listener,
            final String scheme, final OperationRegistry operations, final NotificationStream stream,
            final StreamResource streams) {
        this.server = server;
        this.connector = connector;
        this.listener = listener;
        this.scheme = scheme;
        this.operations = operations;
        this.stream = stream;
        this.streams = streams;
    }

    /**
     * Starts a gateway.
     *
     * @param datastores the datastores to serve
     * @param models     their models
     * @param settings   where to listen, TLS, users and limits
     * @param streamLimits the event streams' limits
     * @return the running gateway
     * @throws Exception when Jetty cannot start (for example, the port is taken)
     */
    @SuppressWarnings("checkstyle:IllegalThrows")
    public static GatewayServer start(final Datastores datastores, final EffectiveModelContext models,
            final ServerSettings settings, final StreamLimits streamLimits) throws Exception {
        return start(datastores, models, settings, streamLimits, MountSettings.NONE);
    }

    /**
     * Starts a gateway that also serves mounted devices ({@code yang-ext:mount}).
     *
     * @param datastores the datastores to serve
     * @param models     their models
     * @param settings   where to listen, TLS, users and limits
     * @param streamLimits the event streams' limits
     * @param mounts     the mounted devices
     * @return the running gateway
     * @throws Exception when Jetty cannot start (for example, the port is taken)
     */
    @SuppressWarnings("checkstyle:IllegalThrows")
    public static GatewayServer start(final Datastores datastores, final EffectiveModelContext models,
            final ServerSettings settings, final StreamLimits streamLimits, final MountSettings mounts)
            throws Exception {
        requireNonNull(datastores);
        requireNonNull(mounts);
        requireNonNull(streamLimits);
        final ModificationClock clock = new ModificationClock(Clock.systemUTC());
        final QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("restconf");
        final Server server = new Server(threads);
        final ServerConnector connector = Connectors.add(server, settings);
        server.addBean(new HeaderDeadline(connector, settings.limits().headerTimeout()));
        final ModuleSources sources = ModuleSources.fromClassPath();
        final ModelCodecs codecs = ModelCodecs.of(ServedModels.of(models, sources));
        final Limits limits = settings.limits();
        final OperationRegistry operations = new OperationRegistry(codecs.context());
        final NotificationStream stream = new NotificationStream(codecs.context(), streamLimits, Clock.systemUTC());
        final StreamResource streams = new StreamResource(stream, codecs, streamLimits, Clock.systemUTC());
        final RestconfHandler restconf = new RestconfHandler(datastores, codecs, sources, limits.maxBody(),
            limits.maxDepth(), clock, operations, stream, streams, mounts);
        Handler handler = settings.tfsCompatible() ? new TfsCompatibleHandler(restconf, codecs, limits.maxBody())
            : restconf;
        final Optional<PasswordChecks> passwords = settings.users()
            .map(users -> new PasswordChecks(users.passwords(), PASSWORD_WORKERS, REMEMBER_PASSWORDS));
        if (settings.users().isPresent()) {
            handler = new Authentication(handler, settings.users().orElseThrow(), passwords.orElseThrow(),
                new LoginThrottle(FIRST_DELAY, LONGEST_DELAY, FORGET_FAILURES), new ErrorWriter(codecs));
        }
        server.setHandler(limits.minDataRate() > 0 ? new MinimumDataRateHandler(handler, limits.minDataRate(), 0)
            : handler);
        final ConfigChangeEvents changes = new ConfigChangeEvents(stream, Clock.systemUTC());
        final Registration configuration = datastores.listen(DatastoreName.RUNNING, YangInstanceIdentifier.of(),
            change -> {
                clock.touchConfiguration();
                changes.onDataChanged(change);
            });
        final Registration state = datastores.listen(DatastoreName.OPERATIONAL, YangInstanceIdentifier.of(),
            change -> clock.touchState());
        final Registration listener = () -> {
            configuration.close();
            state.close();
            passwords.ifPresent(PasswordChecks::close);
        };
        try {
            server.start();
        } catch (Exception e) {
            listener.close();
            streams.close();
            server.stop();
            throw e;
        }
        final String scheme = settings.tls().isPresent() ? "https" : "http";
        LOG.info("RESTCONF gateway listening on {}://{}:{}/restconf ({})", scheme, settings.address().getHostString(),
            connector.getLocalPort(), settings.users().isPresent() ? "authenticated" : "unauthenticated");
        return new GatewayServer(server, connector, listener, scheme, operations, stream, streams);
    }

    /** The implementations of RPCs and actions the gateway invokes. */
    public OperationRegistry operations() {
        return operations;
    }

    /** Where notifications of the served models are published on the {@code NETCONF} stream. */
    public NotificationSink notifications() {
        return stream;
    }

    /** The port the gateway listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URI, {@code https://host:port} (or {@code http://} for plain HTTP). */
    public URI baseUri() {
        return URI.create(scheme + "://" + hostForUri(connector.getHost()) + ":" + port());
    }

    private static String hostForUri(final String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        listener.close();
        // the subscriptions end first, so their responses end cleanly before the connections close
        streams.close();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the RESTCONF gateway did not stop cleanly", e);
        }
    }
}
