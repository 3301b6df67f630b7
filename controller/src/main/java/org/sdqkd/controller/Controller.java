package org.sdqkd.controller;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.controller.api.ControllerConfigException;
import org.sdqkd.controller.api.NodeSessions;
import org.sdqkd.controller.impl.config.ControllerConfig;
import org.sdqkd.controller.impl.config.ControllerConfigReader;
import org.sdqkd.controller.impl.config.RestconfSettings;
import org.sdqkd.controller.impl.connection.NetconfNodeSessions;
import org.sdqkd.controller.impl.model.NetworkBindings;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SD-QKD controller (issue 15): its own persisted datastore holding {@code sdqkd-network} (seeded from the
 * configuration's {@code network:} when empty), served over RESTCONF by the gateway, and a NETCONF session to every
 * configured node ({@link #nodeSessions()}), each with its state in the operational datastore and its changes on the
 * gateway's event stream. Built with {@link #builder(ControllerConfig)} or {@link #load(Path)}, started by
 * {@link Builder#start()}, stopped by {@link #close()} in reverse order.
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final Datastores datastores;
    private final RestconfGateway gateway;
    private final NetconfNodeSessions sessions;

    private Controller(final Datastores datastores, final RestconfGateway gateway, final NetconfNodeSessions sessions) {
        this.datastores = datastores;
        this.gateway = gateway;
        this.sessions = sessions;
    }

    /**
     * Reads a controller's YAML configuration file (see {@code controller/README.md}).
     *
     * @param file the file
     * @return a builder holding its settings
     * @throws ControllerConfigException when the file or a file it names cannot be read or holds an error; the message
     *                                   names the file and the key
     */
    public static Builder load(final Path file) throws ControllerConfigException {
        return new Builder(ControllerConfigReader.load(file));
    }

    /**
     * A builder from settings made in code.
     *
     * @param config the settings
     * @return the builder
     */
    public static Builder builder(final ControllerConfig config) {
        return new Builder(config);
    }

    /** The sessions to the nodes, on which the mounts and the topology are built. */
    public NodeSessions nodeSessions() {
        return sessions;
    }

    /** The controller's datastores (running holds the network, operational its state). */
    public Datastores datastores() {
        return datastores;
    }

    /** The RESTCONF gateway, for its root, its port and its {@code NotificationSink}. */
    public RestconfGateway gateway() {
        return gateway;
    }

    /** The RESTCONF root, such as {@code https://127.0.0.1:8443/restconf}. */
    public URI restconfRoot() {
        return gateway.restconfRoot();
    }

    /** Stops the node sessions, then RESTCONF, then closes the datastores. */
    @Override
    public void close() {
        sessions.close();
        gateway.close();
        datastores.close();
    }

    /** The settings of a controller to start, with a few to override (ports for tests, the datastore directory). */
    public static final class Builder {
        private ControllerConfig config;

        private Builder(final ControllerConfig config) {
            this.config = requireNonNull(config);
        }

        /**
         * Serves RESTCONF on another port.
         *
         * @param port the port, 0 for any free one
         * @return this builder
         */
        public Builder restconfPort(final int port) {
            config = new ControllerConfig(config.datastore(), config.restconf().withPort(port), config.connections(),
                config.network());
            return this;
        }

        /**
         * Keeps the datastore in another directory.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder datastore(final Path directory) {
            config = new ControllerConfig(directory, config.restconf(), config.connections(), config.network());
            return this;
        }

        /** The settings as they are now. */
        public ControllerConfig config() {
            return config;
        }

        /**
         * Starts the controller: opens the datastore (and writes the initial network when it holds none), starts
         * RESTCONF, then the sessions to the nodes. What started is closed again when a later step fails.
         *
         * @return the running controller
         * @throws IOException when the datastore cannot be opened, the initial network is refused by the models, or
         *                     RESTCONF cannot start
         */
        public Controller start() throws IOException {
            final long started = System.nanoTime();
            final EffectiveModelContext models = YangModels.projectModels();
            final Datastores datastores;
            try {
                datastores = Datastores.open(config.datastore(), models);
            } catch (DatastoreException e) {
                throw new IOException("the controller's datastore " + config.datastore() + " cannot be opened: "
                    + e.getMessage(), e);
            }
            RestconfGateway gateway = null;
            try {
                seed(datastores, config.network());
                gateway = restconf(datastores, models, config.restconf());
                final NetconfNodeSessions sessions = NetconfNodeSessions.start(datastores, gateway.notifications(),
                    config.connections());
                LOG.info("controller started in {} ms: RESTCONF on {}", Duration.ofNanos(System.nanoTime() - started)
                    .toMillis(), gateway.restconfRoot());
                return new Controller(datastores, gateway, sessions);
            } catch (IOException | RuntimeException e) {
                if (gateway != null) {
                    gateway.close();
                }
                datastores.close();
                throw e;
            }
        }

        private static void seed(final Datastores datastores, final Optional<Network> network) throws IOException {
            if (network.isEmpty()) {
                return;
            }
            final NetworkBindings bindings = NetworkBindings.shared();
            try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
                if (tx.read(bindings.networkPath()).isPresent()) {
                    return;
                }
                tx.write(bindings.networkPath(), bindings.normalized(network.get()));
                tx.commit();
                LOG.info("the datastore held no network; wrote the configured one ({} nodes, {} links)",
                    network.get().nonnullNode().size(), network.get().nonnullLink().size());
            } catch (DatastoreException e) {
                throw new IOException("network: the initial network is not valid: " + e.getMessage(), e);
            }
        }

        private static RestconfGateway restconf(final Datastores datastores, final EffectiveModelContext models,
                final RestconfSettings settings) throws IOException {
            final RestconfGateway.Builder builder = RestconfGateway.builder(datastores, models)
                .listen(settings.address(), settings.port());
            settings.tls().ifPresentOrElse(tls -> builder.tls(tls.keyStore(), tls.keyStorePassword(),
                tls.trustStore()), builder::plainHttp);
            if (settings.unauthenticated()) {
                builder.unauthenticated();
            } else {
                builder.passwords(settings.users()).clientCertificates(settings.clientCertificates());
            }
            return builder.start();
        }
    }
}
