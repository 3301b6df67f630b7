package org.sdqkd.controller;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.controller.api.ControllerConfigException;
import org.sdqkd.controller.api.NodeSessions;
import org.sdqkd.controller.impl.config.ControllerConfig;
import org.sdqkd.controller.impl.config.ControllerConfigReader;
import org.sdqkd.controller.impl.config.RestconfSettings;
import org.sdqkd.controller.impl.connection.NetconfNodeSessions;
import org.sdqkd.controller.impl.model.NetworkBindings;
import org.sdqkd.controller.impl.topology.LiveTopology;
import org.sdqkd.controller.impl.topology.TopologySettings;
import org.sdqkd.controller.mount.NetconfMounts;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountPoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SD-QKD controller (issue 15): its own persisted datastore holding {@code sdqkd-network} (seeded from the
 * configuration's {@code network:} when empty), served over RESTCONF by the gateway, and a NETCONF session to every
 * configured node ({@link #nodeSessions()}), each with its state in the operational datastore and its changes on the
 * gateway's event stream; each connected node's own data mounted under {@code network/node=ID/yang-ext:mount}
 * ({@link NetconfMounts}), and the links' live state kept from the nodes' data and notifications
 * ({@link LiveTopology}). Built with {@link #builder(ControllerConfig)} or {@link #load(Path)}, started by
 * {@link Builder#start()}, stopped by {@link #close()} in reverse order.
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final Datastores datastores;
    private final RestconfGateway gateway;
    private final NetconfNodeSessions sessions;
    private final NetconfMounts mounts;
    private final LiveTopology topology;

    private Controller(final Datastores datastores, final RestconfGateway gateway, final NetconfNodeSessions sessions,
            final NetconfMounts mounts, final LiveTopology topology) {
        this.datastores = datastores;
        this.gateway = gateway;
        this.sessions = sessions;
        this.mounts = mounts;
        this.topology = topology;
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

    /** The nodes' mounts, for their readiness and the modules a node's schema lacks. */
    public NetconfMounts mounts() {
        return mounts;
    }

    /** Stops the topology, RESTCONF, the mounts and the node sessions, then closes the datastores. */
    @Override
    public void close() {
        topology.close();
        gateway.close();
        mounts.close();
        sessions.close();
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
            NetconfNodeSessions sessions = null;
            NetconfMounts mounts = null;
            try {
                seed(datastores, config.network());
                // RESTCONF starts first (the sessions publish on its event stream); mount requests that come before
                // the mounts exist are answered 503
                final AtomicReference<NetconfMounts> mountPoints = new AtomicReference<>();
                gateway = restconf(datastores, models, config.restconf(), path -> {
                    if (datastores.snapshot(DatastoreName.RUNNING).read(path).isEmpty()) {
                        throw new MountException(ErrorTag.DATA_MISSING, "no such node is configured in the network");
                    }
                    final MountPoints current = mountPoints.get();
                    if (current == null) {
                        throw new MountException(ErrorType.TRANSPORT, ErrorTag.RESOURCE_DENIED, Optional.empty(),
                            Optional.empty(), "the controller is still starting");
                    }
                    return current.mountAt(path);
                });
                sessions = NetconfNodeSessions.start(datastores, gateway.notifications(), config.connections());
                mounts = new NetconfMounts(sessions, schemaCache(config.datastore()));
                mountPoints.set(mounts);
                final LiveTopology topology = LiveTopology.start(sessions, datastores, gateway.notifications(),
                    NetworkBindings.shared().codec(), TopologySettings.DEFAULT);
                LOG.info("controller started in {} ms: RESTCONF on {}", Duration.ofNanos(System.nanoTime() - started)
                    .toMillis(), gateway.restconfRoot());
                return new Controller(datastores, gateway, sessions, mounts, topology);
            } catch (IOException | RuntimeException e) {
                if (gateway != null) {
                    gateway.close();
                }
                if (mounts != null) {
                    mounts.close();
                }
                if (sessions != null) {
                    sessions.close();
                }
                datastores.close();
                throw e;
            }
        }

        /** The schema cache of the nodes' models: a directory beside the datastore's, {@code NAME-schema-cache}. */
        private static Path schemaCache(final Path datastore) {
            final Path absolute = datastore.toAbsolutePath();
            return absolute.resolveSibling(absolute.getFileName() + "-schema-cache");
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
                final RestconfSettings settings, final MountPoints mountPoints) throws IOException {
            final RestconfGateway.Builder builder = RestconfGateway.builder(datastores, models)
                .listen(settings.address(), settings.port())
                .mountPoints(mountPoints);
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
