package org.sdqkd.controller.impl.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.sdqkd.netconf.client.api.ReconnectOptions;

/**
 * How the controller opens and keeps its sessions to the nodes.
 *
 * @param login          the SSH credentials
 * @param knownHosts     the OpenSSH known_hosts file that vouches for nodes without a pinned host key (only read)
 * @param kme            the local KME for the hybrid key exchange; empty when no node uses it
 * @param connectTimeout the time allowed for one connection, TCP to hello
 * @param reconnect      the backoff between attempts
 */
public record ConnectionSettings(NodeLogin login, Optional<Path> knownHosts, Optional<LocalKme> kme,
        Duration connectTimeout, ReconnectOptions reconnect) {
    /** The default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Checks the components.
     *
     * @param login          the login
     * @param knownHosts     the known_hosts file
     * @param kme            the local KME
     * @param connectTimeout the connect timeout
     * @param reconnect      the backoff
     */
    public ConnectionSettings {
        requireNonNull(login);
        requireNonNull(knownHosts);
        requireNonNull(kme);
        requireNonNull(reconnect);
        if (!connectTimeout.isPositive()) {
            throw new IllegalArgumentException("the connect timeout must be positive: " + connectTimeout);
        }
    }
}
