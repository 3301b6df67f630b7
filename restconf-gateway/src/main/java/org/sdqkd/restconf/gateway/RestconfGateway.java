package org.sdqkd.restconf.gateway;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.restconf.gateway.impl.GatewayServer;
import org.sdqkd.restconf.gateway.impl.Limits;
import org.sdqkd.restconf.gateway.impl.MountSettings;
import org.sdqkd.restconf.gateway.impl.ServerSettings;
import org.sdqkd.restconf.gateway.impl.TlsSettings;
import org.sdqkd.restconf.gateway.impl.Users;
import org.sdqkd.restconf.gateway.spi.MountPoints;
import org.sdqkd.restconf.gateway.spi.OperationImplementation;
import org.sdqkd.restconf.gateway.spi.NotificationSink;

/**
 * A RESTCONF server (RFC 8040) over a datastore and its YANG models: {@code /.well-known/host-meta} and the
 * {@code /restconf} resources, in RFC 7951 JSON and XML. Started with a {@link #builder}: HTTPS (TLS 1.3, HTTP/2 by
 * ALPN) with clients authenticated by certificate or HTTP Basic; plain HTTP only when asked for, and then on loopback
 * unless that too is asked for. {@link #close()} stops it.
 */
public final class RestconfGateway implements AutoCloseable {
    /** The default limit of a request body: 16 MiB. */
    public static final int DEFAULT_MAX_BODY = Limits.DEFAULT.maxBody();

    /** The request attribute holding the authenticated user's name (a {@link String}), for access control. */
    public static final String USER_ATTRIBUTE = "org.sdqkd.restconf.gateway.user";

    private final GatewayServer server;

    private RestconfGateway(final GatewayServer server) {
        this.server = server;
    }

    /**
     * Starts a gateway for tests and local tools: plain HTTP on a loopback address, requests not authenticated.
     *
     * @param datastores the datastores to serve (shared with a NETCONF agent if there is one)
     * @param models     the models of the datastores
     * @param host       a loopback address, such as {@code 127.0.0.1}
     * @param port       the port, {@code 0} for any free port
     * @return the running gateway
     * @throws IOException when the server cannot start
     * @throws IllegalArgumentException when {@code host} is not a loopback address
     */
    public static RestconfGateway start(final Datastores datastores, final EffectiveModelContext models,
            final String host, final int port) throws IOException {
        return start(datastores, models, host, port, DEFAULT_MAX_BODY);
    }

    /**
     * Starts a gateway for tests and local tools with a request body limit: plain HTTP on a loopback address,
     * requests not authenticated.
     *
     * @param datastores the datastores to serve
     * @param models     the models of the datastores
     * @param host       a loopback address
     * @param port       the port, {@code 0} for any free port
     * @param maxBody    the largest request body accepted (larger ones answer 413), in bytes
     * @return the running gateway
     * @throws IOException when the server cannot start
     * @throws IllegalArgumentException when {@code host} is not a loopback address
     */
    public static RestconfGateway start(final Datastores datastores, final EffectiveModelContext models,
            final String host, final int port, final int maxBody) throws IOException {
        return builder(datastores, models).listen(host, port).plainHttp().unauthenticated().maxBody(maxBody).start();
    }

    /**
     * A builder of a gateway: set where to listen, TLS and users (or plain HTTP and no users, explicitly), and any
     * limits that differ from {@link Limits#DEFAULT}; then {@link Builder#start()}.
     *
     * @param datastores the datastores to serve
     * @param models     the models of the datastores
     * @return the builder
     */
    public static Builder builder(final Datastores datastores, final EffectiveModelContext models) {
        return new Builder(datastores, models);
    }

    /**
     * Registers the implementation of an RPC or action of the served models, which {@code POST
     * {+restconf}/operations/module:rpc} or a POST on the action's data resource then invokes (RFC 8040 sections 3.6,
     * 4.4.2). Operations without one answer 405 operation-not-supported.
     *
     * @param operation      the schema path of the RPC ({@code Absolute.of(rpcQName)}) or action
     * @param implementation what carries it out
     * @return closing it removes the implementation
     * @throws IllegalArgumentException when the served models have no such operation, or it has an implementation
     */
    public Registration register(final Absolute operation, final OperationImplementation implementation) {
        return server.operations().register(operation, implementation);
    }

    /** The port the gateway listens on. */
    public int port() {
        return server.port();
    }

    /** The RESTCONF root, such as {@code https://127.0.0.1:8443/restconf}. */
    public URI restconfRoot() {
        return URI.create(server.baseUri() + "/restconf");
    }

    /**
     * Where the program's services publish notifications of the served models (such as a QKD node's ETSI GS QKD 015
     * events): they go to the {@code NETCONF} event stream's subscribers and replay buffer.
     */
    public NotificationSink notifications() {
        return server.notifications();
    }

    /** Stops the gateway: event stream subscriptions end (their responses complete), then requests in progress are
     * cut off. */
    @Override
    public void close() {
        server.close();
    }

    /**
     * The settings of a gateway to start. Each setting is one method; {@link #start()} checks that they fit together
     * and refuses, with a message saying what to change, a gateway that would be open to strangers.
     */
    public static final class Builder {
        private final Datastores datastores;
        private final EffectiveModelContext models;
        private String host = "127.0.0.1";
        private int port;
        private KeyStore keyStore;
        private String keyStorePassword;
        private KeyStore trustStore;
        private boolean allowTls12;
        private boolean plainHttp;
        private boolean plainHttpBeyondLoopback;
        private boolean unauthenticated;
        private Map<String, PasswordHash> passwords = Map.of();
        private Map<String, String> certificateUsers = Map.of();
        private int maxBody = Limits.DEFAULT.maxBody();
        private int maxHeaderBytes = Limits.DEFAULT.maxHeaderBytes();
        private int maxDepth = Limits.DEFAULT.maxDepth();
        private Duration idleTimeout = Limits.DEFAULT.idleTimeout();
        private Duration headerTimeout = Limits.DEFAULT.headerTimeout();
        private long minDataRate = Limits.DEFAULT.minDataRate();
        private int maxConnections = Limits.DEFAULT.maxConnections();
        private StreamLimits streamLimits = StreamLimits.DEFAULTS;
        private boolean tfsCompatible;
        private MountSettings mounts = MountSettings.NONE;

        private Builder(final Datastores datastores, final EffectiveModelContext models) {
            this.datastores = requireNonNull(datastores);
            this.models = requireNonNull(models);
        }

        /**
         * Where to listen (by default {@code 127.0.0.1}, a free port).
         *
         * @param listenHost the address, such as {@code 0.0.0.0} or {@code 192.0.2.1}
         * @param listenPort the port, {@code 0} for any free port
         * @return this builder
         */
        public Builder listen(final String listenHost, final int listenPort) {
            this.host = requireNonNull(listenHost);
            if (listenPort < 0 || listenPort > 65_535) {
                throw new IllegalArgumentException("not a port: " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /**
         * Serves HTTPS with this identity (TLS 1.3; HTTP/2 or HTTP/1.1 by ALPN). The trust store holds the CAs a
         * client certificate must lead to; it is used only when {@link #clientCertificates} maps certificates.
         *
         * @param serverKeys         the server's private key and certificate chain, such as a node's
         *                           {@code TlsIdentity.keyStore()}
         * @param serverKeysPassword the password of the key store and of its key entry
         * @param trustedCas         the CAs trusted for client certificates
         * @return this builder
         */
        public Builder tls(final KeyStore serverKeys, final String serverKeysPassword, final KeyStore trustedCas) {
            this.keyStore = requireNonNull(serverKeys);
            this.keyStorePassword = requireNonNull(serverKeysPassword);
            this.trustStore = requireNonNull(trustedCas);
            return this;
        }

        /**
         * Accepts TLS 1.2 beside TLS 1.3, for clients that cannot do 1.3.
         *
         * @return this builder
         */
        public Builder allowTls12() {
            this.allowTls12 = true;
            return this;
        }

        /**
         * Serves plain HTTP (HTTP/1.1) instead of HTTPS. Only on a loopback address, unless
         * {@link #plainHttpBeyondLoopback()} is asked for as well. Passwords then cross the wire in the clear.
         *
         * @return this builder
         */
        public Builder plainHttp() {
            this.plainHttp = true;
            return this;
        }

        /**
         * Lets plain HTTP listen on an address other than loopback (for orchestrators that cannot do TLS, on a
         * management network the operator trusts).
         *
         * @return this builder
         */
        public Builder plainHttpBeyondLoopback() {
            this.plainHttpBeyondLoopback = true;
            return this;
        }

        /**
         * Serves requests without authenticating them: allowed only on a loopback address, for tests and local
         * tools.
         *
         * @return this builder
         */
        public Builder unauthenticated() {
            this.unauthenticated = true;
            return this;
        }

        /**
         * The users who log in with HTTP Basic (RFC 7617): the same names and PBKDF2 hashes as the NETCONF agent's.
         *
         * @param userPasswords user name to password hash
         * @return this builder
         */
        public Builder passwords(final Map<String, PasswordHash> userPasswords) {
            this.passwords = Map.copyOf(userPasswords);
            return this;
        }

        /**
         * The client certificates that log in (mutual TLS): a certificate whose chain leads to a trusted CA and one
         * of whose names (the subject CN, or a DNS, URI or e-mail subject alternative name) is a key here is that
         * key's user. Without {@link #passwords}, TLS requires a client certificate.
         *
         * @param certificateNameToUser certificate name to user name
         * @return this builder
         */
        public Builder clientCertificates(final Map<String, String> certificateNameToUser) {
            this.certificateUsers = Map.copyOf(certificateNameToUser);
            return this;
        }

        /**
         * The largest request body (default 16 MiB); larger ones answer 413 {@code too-big} before they are read
         * whole.
         *
         * @param bytes the limit in bytes
         * @return this builder
         */
        public Builder maxBody(final int bytes) {
            this.maxBody = bytes;
            return this;
        }

        /**
         * The largest request head (default 16 KiB); larger ones answer 431.
         *
         * @param bytes the limit in bytes
         * @return this builder
         */
        public Builder maxHeaderBytes(final int bytes) {
            this.maxHeaderBytes = bytes;
            return this;
        }

        /**
         * The deepest nesting of a JSON or XML body (default 64); deeper ones answer 400 {@code malformed-message}.
         *
         * @param levels the limit
         * @return this builder
         */
        public Builder maxDepth(final int levels) {
            this.maxDepth = levels;
            return this;
        }

        /**
         * How long a connection may stay silent (default 30 s).
         *
         * @param timeout the idle timeout
         * @return this builder
         */
        public Builder idleTimeout(final Duration timeout) {
            this.idleTimeout = requireNonNull(timeout);
            return this;
        }

        /**
         * How long a TLS handshake or a request head may take once begun (default 10 s).
         *
         * @param timeout the head timeout
         * @return this builder
         */
        public Builder headerTimeout(final Duration timeout) {
            this.headerTimeout = requireNonNull(timeout);
            return this;
        }

        /**
         * The slowest a request body may arrive (default 1 KiB/s; 0 for no minimum).
         *
         * @param bytesPerSecond the minimum rate
         * @return this builder
         */
        public Builder minDataRate(final long bytesPerSecond) {
            this.minDataRate = bytesPerSecond;
            return this;
        }

        /**
         * The most connections open at once (default 512); more wait to be accepted.
         *
         * @param connections the limit
         * @return this builder
         */
        public Builder maxConnections(final int connections) {
            this.maxConnections = connections;
            return this;
        }

        /**
         * Turns on the TeraFlowSDN-compatible mode (off by default): besides RFC 8040 the gateway then accepts the
         * habits of TeraFlowSDN's QKD driver (trailing slashes, bare member names, a POST whose body wraps its target,
         * JSON {@code null} for absent values) and answers in the form that driver parses (see the module README).
         *
         * @return this builder
         */
        public Builder tfsCompatible() {
            this.tfsCompatible = true;
            return this;
        }

        /**
         * Serves devices mounted at data nodes of the served models below OpenDaylight's {@code yang-ext:mount} path
         * segment ({@code {+restconf}/data/sdqkd-network:network/node=N1/yang-ext:mount/...}): every data method,
         * the devices' RPCs and actions, in JSON and XML read and written with codecs of each device's models (see
         * the module README). Calls to a device that take longer than {@link #mountTimeout} answer 504.
         *
         * @param points finds the device mounted at a data node
         * @return this builder
         */
        public Builder mountPoints(final MountPoints points) {
            this.mounts = new MountSettings(Optional.of(points), mounts.timeout());
            return this;
        }

        /**
         * The longest a request below a mount waits for the device (default 30 s); after it, the call is
         * interrupted and the request answers 504 (for an edit, with its outcome unknown).
         *
         * @param timeout the bound, positive
         * @return this builder
         */
        public Builder mountTimeout(final Duration timeout) {
            this.mounts = new MountSettings(mounts.points(), timeout);
            return this;
        }

        /**
         * The limits of the event streams (subscribers, queues, replay buffer; default {@link StreamLimits#DEFAULTS}).
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder streamLimits(final StreamLimits limits) {
            this.streamLimits = requireNonNull(limits);
            return this;
        }

        /**
         * Starts the gateway.
         *
         * @return the running gateway
         * @throws IOException when the server cannot start (the port is taken, the TLS identity is unusable)
         * @throws IllegalArgumentException when the settings do not fit together or would open the gateway to
         *     strangers: no TLS and no {@link #plainHttp()}; plain HTTP or no authentication beyond loopback
         *     without asking for it; no users and no {@link #unauthenticated()}
         */
        public RestconfGateway start() throws IOException {
            final Limits limits = new Limits(maxBody, maxHeaderBytes, maxDepth, idleTimeout, headerTimeout,
                minDataRate, maxConnections);
            final ServerSettings settings = new ServerSettings(address(), tlsSettings(), users(), limits,
                tfsCompatible);
            try {
                return new RestconfGateway(GatewayServer.start(datastores, models, settings, streamLimits, mounts));
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("the RESTCONF gateway could not start on " + host + ":" + port + ": "
                    + e.getMessage(), e);
            }
        }

        private InetSocketAddress address() throws IOException {
            final boolean loopback;
            try {
                loopback = InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                throw new IOException("cannot resolve the RESTCONF listen address " + host, e);
            }
            if (plainHttp && !loopback && !plainHttpBeyondLoopback) {
                throw new IllegalArgumentException("refusing to serve plain HTTP on " + host + ", which is not a "
                    + "loopback address: configure TLS, listen on 127.0.0.1, or allow plain HTTP beyond loopback "
                    + "explicitly");
            }
            if (unauthenticated && !loopback) {
                throw new IllegalArgumentException("refusing to serve unauthenticated requests on " + host
                    + ", which is not a loopback address: configure users");
            }
            return new InetSocketAddress(host, port);
        }

        private Optional<TlsSettings> tlsSettings() {
            if (keyStore == null) {
                if (!plainHttp) {
                    throw new IllegalArgumentException("the RESTCONF gateway serves HTTPS: configure a TLS identity, "
                        + "or ask for plain HTTP explicitly");
                }
                if (!certificateUsers.isEmpty()) {
                    throw new IllegalArgumentException("client certificates need TLS: configure a TLS identity");
                }
                return Optional.empty();
            }
            if (plainHttp) {
                throw new IllegalArgumentException("both a TLS identity and plain HTTP are configured; choose one");
            }
            return Optional.of(new TlsSettings(keyStore, keyStorePassword, trustStore, allowTls12));
        }

        private Optional<Users> users() {
            final Users users = new Users(passwords, certificateUsers);
            if (unauthenticated) {
                if (!passwords.isEmpty() || !certificateUsers.isEmpty()) {
                    throw new IllegalArgumentException("users are configured and requests are also to be left "
                        + "unauthenticated; choose one");
                }
                return Optional.empty();
            }
            if (passwords.isEmpty() && certificateUsers.isEmpty()) {
                throw new IllegalArgumentException("no users can log in: configure passwords or client "
                    + "certificates (or, on loopback for tests, leave requests unauthenticated explicitly)");
            }
            return Optional.of(users);
        }
    }
}
