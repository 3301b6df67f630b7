package org.sdqkd.netconf.server.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sdqkd.ssh.qkd.api.ServerQkd;

/**
 * The configuration of the NETCONF agent's SSH server. Start from {@link #of} and change what differs from the
 * defaults with the {@code with...} methods.
 *
 * @param bindAddress the address to listen on (default {@value #DEFAULT_BIND_ADDRESS}, loopback only)
 * @param port the TCP port (default {@value #DEFAULT_PORT}, the IANA port of RFC 6242; 0 picks a free one)
 * @param hostKeyFile the file holding the server's host key pair in OpenSSH format; generated there, readable by its
 *     owner only, when it does not exist
 * @param users who may log in and with what
 * @param idleTimeout how long a connection may pass no traffic before the server closes it; zero never closes it
 * @param maxSessions the most SSH connections, and the most NETCONF sessions, open at once
 * @param maxAuthTries the most authentication requests a connection may make after its first one
 * @param authTimeout how long a connection has to authenticate
 * @param qkd the hybrid classical + QKD key exchange: its policy, methods, peers, re-key limits and key source
 *     (default off: MINA's standard methods only)
 */
public record SshServerConfig(String bindAddress, int port, Path hostKeyFile, List<SshUser> users,
        Duration idleTimeout, int maxSessions, int maxAuthTries, Duration authTimeout, ServerQkd qkd) {

    /** The default bind address: loopback, so nothing is reachable from the network unless configured. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    /** The default port, IANA's {@code netconf-ssh} (RFC 6242 section 3). */
    public static final int DEFAULT_PORT = 830;

    /** The default idle timeout. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);

    /** The default number of concurrent connections and sessions. */
    public static final int DEFAULT_MAX_SESSIONS = 16;

    /** The default number of authentication requests per connection. */
    public static final int DEFAULT_MAX_AUTH_TRIES = 10;

    /** The default time to authenticate. */
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Checks the components and copies the user list.
     *
     * @param bindAddress the address to listen on, not blank
     * @param port 0 to 65535
     * @param hostKeyFile the host key file
     * @param users the users, with distinct names
     * @param idleTimeout zero or positive
     * @param maxSessions at least 1
     * @param maxAuthTries at least 1
     * @param authTimeout positive
     * @param qkd the hybrid key exchange
     */
    public SshServerConfig {
        requireNonNull(bindAddress, "bindAddress");
        requireNonNull(qkd, "qkd");
        requireNonNull(hostKeyFile, "hostKeyFile");
        requireNonNull(idleTimeout, "idleTimeout");
        requireNonNull(authTimeout, "authTimeout");
        users = List.copyOf(users);
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("blank bind address");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("negative idle timeout: " + idleTimeout);
        }
        if (!authTimeout.isPositive()) {
            throw new IllegalArgumentException("auth timeout not positive: " + authTimeout);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions below 1: " + maxSessions);
        }
        if (maxAuthTries < 1) {
            throw new IllegalArgumentException("maxAuthTries below 1: " + maxAuthTries);
        }
        Set<String> names = new HashSet<>();
        for (SshUser user : users) {
            if (!names.add(user.name())) {
                throw new IllegalArgumentException("user " + user.name() + " configured twice");
            }
        }
    }

    /**
     * A configuration without the hybrid key exchange.
     *
     * @param bindAddress the address to listen on, not blank
     * @param port 0 to 65535
     * @param hostKeyFile the host key file
     * @param users the users, with distinct names
     * @param idleTimeout zero or positive
     * @param maxSessions at least 1
     * @param maxAuthTries at least 1
     * @param authTimeout positive
     */
    public SshServerConfig(String bindAddress, int port, Path hostKeyFile, List<SshUser> users, Duration idleTimeout,
            int maxSessions, int maxAuthTries, Duration authTimeout) {
        this(bindAddress, port, hostKeyFile, users, idleTimeout, maxSessions, maxAuthTries, authTimeout,
            ServerQkd.off());
    }

    /**
     * A configuration with the defaults: loopback, port 830, a 30-minute idle timeout, 16 sessions, 10
     * authentication requests and 30 seconds to authenticate.
     *
     * @param hostKeyFile the host key file
     * @param users who may log in
     * @return the configuration
     */
    public static SshServerConfig of(Path hostKeyFile, List<SshUser> users) {
        return new SshServerConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, hostKeyFile, users, DEFAULT_IDLE_TIMEOUT,
            DEFAULT_MAX_SESSIONS, DEFAULT_MAX_AUTH_TRIES, DEFAULT_AUTH_TIMEOUT);
    }

    /**
     * Returns this configuration listening on another address.
     *
     * @param newBindAddress the address to listen on
     * @return the changed configuration
     */
    public SshServerConfig withBindAddress(String newBindAddress) {
        return new SshServerConfig(newBindAddress, port, hostKeyFile, users, idleTimeout, maxSessions, maxAuthTries,
            authTimeout, qkd);
    }

    /**
     * Returns this configuration listening on another port.
     *
     * @param newPort the port; 0 picks a free one
     * @return the changed configuration
     */
    public SshServerConfig withPort(int newPort) {
        return new SshServerConfig(bindAddress, newPort, hostKeyFile, users, idleTimeout, maxSessions, maxAuthTries,
            authTimeout, qkd);
    }

    /**
     * Returns this configuration with another idle timeout.
     *
     * @param newIdleTimeout the idle timeout; zero never closes idle connections
     * @return the changed configuration
     */
    public SshServerConfig withIdleTimeout(Duration newIdleTimeout) {
        return new SshServerConfig(bindAddress, port, hostKeyFile, users, newIdleTimeout, maxSessions, maxAuthTries,
            authTimeout, qkd);
    }

    /**
     * Returns this configuration with another limit of connections and sessions.
     *
     * @param newMaxSessions the most connections, and the most NETCONF sessions, open at once
     * @return the changed configuration
     */
    public SshServerConfig withMaxSessions(int newMaxSessions) {
        return new SshServerConfig(bindAddress, port, hostKeyFile, users, idleTimeout, newMaxSessions, maxAuthTries,
            authTimeout, qkd);
    }

    /**
     * Returns this configuration with another limit of authentication requests.
     *
     * @param newMaxAuthTries the most authentication requests after a connection's first one
     * @return the changed configuration
     */
    public SshServerConfig withMaxAuthTries(int newMaxAuthTries) {
        return new SshServerConfig(bindAddress, port, hostKeyFile, users, idleTimeout, maxSessions, newMaxAuthTries,
            authTimeout, qkd);
    }

    /**
     * Returns this configuration with another time to authenticate.
     *
     * @param newAuthTimeout how long a connection has to authenticate
     * @return the changed configuration
     */
    public SshServerConfig withAuthTimeout(Duration newAuthTimeout) {
        return new SshServerConfig(bindAddress, port, hostKeyFile, users, idleTimeout, maxSessions, maxAuthTries,
            newAuthTimeout, qkd);
    }

    /**
     * Returns this configuration with another hybrid key exchange.
     *
     * @param newQkd the hybrid key exchange settings and key source
     * @return the changed configuration
     */
    public SshServerConfig withQkd(ServerQkd newQkd) {
        return new SshServerConfig(bindAddress, port, hostKeyFile, users, idleTimeout, maxSessions, maxAuthTries,
            authTimeout, newQkd);
    }
}
