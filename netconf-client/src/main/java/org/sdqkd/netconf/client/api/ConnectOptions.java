package org.sdqkd.netconf.client.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.ssh.qkd.api.ClientQkd;

/**
 * Where and how to open one NETCONF session: the server, the SSH credentials and host key verification, the
 * timeouts, the largest message accepted, the keepalive and the capabilities the client announces. Built with
 * {@link #builder(String, int, String)}; immutable. {@link #toString()} shows no secret.
 */
public final class ConnectOptions {
    /** The default time to set up TCP, SSH and authentication. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default time to wait for the server's hello once the subsystem is open. */
    public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(10);
    /** The default time to wait for an rpc-reply. */
    public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofSeconds(60);
    /** The default SSH keepalive interval. */
    public static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(30);
    /** The default number of keepalives left unanswered before the connection is considered dead. */
    public static final int DEFAULT_KEEPALIVE_MAX_MISSED = 3;

    private final String host;
    private final int port;
    private final String user;
    private final char[] password;
    private final Optional<Path> keyFile;
    private final char[] keyPassphrase;
    private final List<KeyPair> keyPairs;
    private final HostKeyVerification hostKeyVerification;
    private final Duration connectTimeout;
    private final Duration helloTimeout;
    private final Duration rpcTimeout;
    private final int maxMessageSize;
    private final Duration keepaliveInterval;
    private final int keepaliveMaxMissed;
    private final Set<URI> capabilities;
    private final Optional<ClientQkd> qkd;

    private ConnectOptions(final Builder builder) {
        host = builder.host;
        port = builder.port;
        user = builder.user;
        password = builder.password == null ? null : builder.password.clone();
        keyFile = builder.keyFile;
        keyPassphrase = builder.keyPassphrase == null ? null : builder.keyPassphrase.clone();
        keyPairs = List.copyOf(builder.keyPairs);
        hostKeyVerification = builder.hostKeyVerification;
        connectTimeout = builder.connectTimeout;
        helloTimeout = builder.helloTimeout;
        rpcTimeout = builder.rpcTimeout;
        maxMessageSize = builder.maxMessageSize;
        keepaliveInterval = builder.keepaliveInterval;
        keepaliveMaxMissed = builder.keepaliveMaxMissed;
        capabilities = Collections.unmodifiableSet(new LinkedHashSet<>(builder.capabilities));
        qkd = builder.qkd;
    }

    /**
     * Starts options for a server and user. The host key must still be chosen ({@link Builder#hostKeys}), and at
     * least one credential.
     *
     * @param host the server's host name or address
     * @param port the server's SSH port (830 is NETCONF's)
     * @param user the SSH user name
     * @return a builder
     */
    public static Builder builder(final String host, final int port, final String user) {
        return new Builder(host, port, user);
    }

    /** The server's host name or address. */
    public String host() {
        return host;
    }

    /** The server's SSH port. */
    public int port() {
        return port;
    }

    /** The SSH user name. */
    public String user() {
        return user;
    }

    /**
     * The password, if one is to be tried; a copy the caller should erase.
     *
     * @return a copy of the password
     */
    public Optional<char[]> password() {
        return Optional.ofNullable(password).map(char[]::clone);
    }

    /** The OpenSSH private key file to authenticate with, if any. */
    public Optional<Path> keyFile() {
        return keyFile;
    }

    /**
     * The passphrase of the key file, if it is encrypted; a copy the caller should erase.
     *
     * @return a copy of the passphrase
     */
    public Optional<char[]> keyPassphrase() {
        return Optional.ofNullable(keyPassphrase).map(char[]::clone);
    }

    /** Key pairs to authenticate with, besides the key file. */
    public List<KeyPair> keyPairs() {
        return keyPairs;
    }

    /** How the server's host key is verified. */
    public HostKeyVerification hostKeyVerification() {
        return hostKeyVerification;
    }

    /** The time to set up TCP, SSH, authentication and the subsystem. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The time to wait for the server's hello once the subsystem is open. */
    public Duration helloTimeout() {
        return helloTimeout;
    }

    /** The time an rpc waits for its reply unless given its own. */
    public Duration rpcTimeout() {
        return rpcTimeout;
    }

    /** The largest message accepted from the server, in bytes; a larger one ends the session. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** The SSH keepalive interval; zero sends none. */
    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    /** How many keepalives may go unanswered in a row before the connection is closed. */
    public int keepaliveMaxMissed() {
        return keepaliveMaxMissed;
    }

    /** The capabilities the client announces in its hello. */
    public Set<URI> capabilities() {
        return capabilities;
    }

    /**
     * The hybrid classical + QKD key exchange of this connection: its policy, methods, fallback choice, key source and
     * the server's SAE. Empty for standard methods only.
     */
    public Optional<ClientQkd> qkd() {
        return qkd;
    }

    @Override
    public String toString() {
        return "ConnectOptions[" + user + "@" + host + ":" + port + (password != null ? ", password" : "")
            + keyFile.map(file -> ", key " + file).orElse("") + (keyPairs.isEmpty() ? "" : ", " + keyPairs.size()
            + " key pairs") + ", " + hostKeyVerification.getClass().getSimpleName()
            + qkd.map(q -> ", QKD key exchange " + q.settings().policy().yangName() + " with SAE " + q.peerSaeId())
                .orElse("") + "]";
    }

    /** Builds {@link ConnectOptions}. Not thread-safe. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final String user;
        private char[] password;
        private Optional<Path> keyFile = Optional.empty();
        private char[] keyPassphrase;
        private final List<KeyPair> keyPairs = new ArrayList<>();
        private HostKeyVerification hostKeyVerification;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration helloTimeout = DEFAULT_HELLO_TIMEOUT;
        private Duration rpcTimeout = DEFAULT_RPC_TIMEOUT;
        private int maxMessageSize = XmlLimits.DEFAULT.maxBytes();
        private Duration keepaliveInterval = DEFAULT_KEEPALIVE_INTERVAL;
        private int keepaliveMaxMissed = DEFAULT_KEEPALIVE_MAX_MISSED;
        private Set<URI> capabilities = new LinkedHashSet<>(List.of(Capabilities.BASE_1_0, Capabilities.BASE_1_1));
        private Optional<ClientQkd> qkd = Optional.empty();

        private Builder(final String host, final int port, final String user) {
            this.host = requireNonNull(host, "host");
            this.user = requireNonNull(user, "user");
            if (host.isBlank() || user.isBlank()) {
                throw new IllegalArgumentException("blank host or user");
            }
            if (port < 1 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range 1..65535: " + port);
            }
            this.port = port;
        }

        /**
         * Authenticates with a password. The array is copied; the caller may erase it.
         *
         * @param newPassword the password
         * @return this builder
         */
        public Builder password(final char[] newPassword) {
            this.password = newPassword.clone();
            return this;
        }

        /**
         * Authenticates with the key pair of an OpenSSH private key file (or PEM), read at each connection.
         *
         * @param file the private key file
         * @param passphrase its passphrase, or null when it is not encrypted; copied
         * @return this builder
         */
        public Builder keyFile(final Path file, final char[] passphrase) {
            this.keyFile = Optional.of(file);
            this.keyPassphrase = passphrase == null ? null : passphrase.clone();
            return this;
        }

        /**
         * Authenticates with a key pair.
         *
         * @param keyPair the key pair
         * @return this builder
         */
        public Builder keyPair(final KeyPair keyPair) {
            keyPairs.add(requireNonNull(keyPair));
            return this;
        }

        /**
         * Chooses how the server's host key is verified (required).
         *
         * @param verification the verification
         * @return this builder
         */
        public Builder hostKeys(final HostKeyVerification verification) {
            this.hostKeyVerification = requireNonNull(verification);
            return this;
        }

        /**
         * Sets the time to connect, authenticate and open the subsystem.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(final Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /**
         * Sets the time to wait for the server's hello.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder helloTimeout(final Duration timeout) {
            this.helloTimeout = positive(timeout);
            return this;
        }

        /**
         * Sets the default rpc timeout.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder rpcTimeout(final Duration timeout) {
            this.rpcTimeout = positive(timeout);
            return this;
        }

        /**
         * Sets the largest message accepted from the server.
         *
         * @param bytes at least 1024
         * @return this builder
         */
        public Builder maxMessageSize(final int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxMessageSize below 1024: " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Sets the SSH keepalive ({@code keepalive@openssh.com} requests with want-reply).
         *
         * @param interval the time between keepalives; zero for none
         * @param maxMissed how many may go unanswered in a row before the connection is closed, at least 1
         * @return this builder
         */
        public Builder keepalive(final Duration interval, final int maxMissed) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("negative keepalive interval: " + interval);
            }
            if (maxMissed < 1) {
                throw new IllegalArgumentException("keepalive maxMissed below 1: " + maxMissed);
            }
            this.keepaliveInterval = interval;
            this.keepaliveMaxMissed = maxMissed;
            return this;
        }

        /**
         * Sets the capabilities the client announces, replacing the default {@code :base:1.0} and
         * {@code :base:1.1}; offering only {@code :base:1.0} forces end-of-message framing.
         *
         * @param uris the capabilities, including at least one base version
         * @return this builder
         */
        public Builder capabilities(final URI... uris) {
            final Set<URI> set = new LinkedHashSet<>(Arrays.asList(uris));
            if (set.stream().noneMatch(uri -> Capabilities.same(uri, Capabilities.BASE_1_0)
                    || Capabilities.same(uri, Capabilities.BASE_1_1))) {
                throw new IllegalArgumentException("no NETCONF base capability among " + set);
            }
            this.capabilities = set;
            return this;
        }

        /**
         * Uses the hybrid classical + QKD key exchange: with policy {@code required} only the hybrid methods are
         * offered, with {@code preferred} they come before the standard ones. Each key exchange, the first and every
         * re-key, takes a new QKD key from the key source, shared with the server's SAE.
         *
         * @param settings the hybrid key exchange of this connection
         * @return this builder
         */
        public Builder qkd(final ClientQkd settings) {
            this.qkd = Optional.of(settings);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalStateException if no host key verification or no credential was given
         */
        public ConnectOptions build() {
            if (hostKeyVerification == null) {
                throw new IllegalStateException("no host key verification chosen");
            }
            if (password == null && keyFile.isEmpty() && keyPairs.isEmpty()) {
                throw new IllegalStateException("no password and no key to authenticate with");
            }
            return new ConnectOptions(this);
        }

        private static Duration positive(final Duration duration) {
            if (!duration.isPositive()) {
                throw new IllegalArgumentException("not positive: " + duration);
            }
            return duration;
        }
    }
}
