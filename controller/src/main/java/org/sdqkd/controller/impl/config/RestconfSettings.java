package org.sdqkd.controller.impl.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * Where and how the controller serves RESTCONF: HTTPS with users, or plain HTTP (the gateway allows it on loopback
 * only) when asked for explicitly.
 *
 * @param address            the listen address
 * @param port               the port, 0 for any free one
 * @param tls                the server's TLS identity and the CAs trusted for client certificates; empty with plain
 *                           HTTP
 * @param users              user name to password hash (HTTP Basic)
 * @param clientCertificates certificate name to user name (mutual TLS)
 * @param unauthenticated    whether requests are served without users (loopback only, for tests and local tools)
 */
public record RestconfSettings(String address, int port, Optional<TlsIdentity> tls, Map<String, PasswordHash> users,
        Map<String, String> clientCertificates, boolean unauthenticated) {
    /** The default port (RFC 8040 names none; HTTPS alternate). */
    public static final int DEFAULT_PORT = 8443;

    /**
     * Checks and copies the components.
     *
     * @param address            the address
     * @param port               the port
     * @param tls                the TLS identity
     * @param users              the users
     * @param clientCertificates the certificate users
     * @param unauthenticated    whether unauthenticated
     */
    public RestconfSettings {
        requireNonNull(address);
        requireNonNull(tls);
        users = Map.copyOf(users);
        clientCertificates = Map.copyOf(clientCertificates);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /**
     * Plain HTTP on loopback without users, for tests and local tools.
     *
     * @param port the port, 0 for any free one
     * @return the settings
     */
    public static RestconfSettings loopback(final int port) {
        return new RestconfSettings("127.0.0.1", port, Optional.empty(), Map.of(), Map.of(), true);
    }

    /**
     * These settings on another port.
     *
     * @param newPort the port
     * @return the settings
     */
    public RestconfSettings withPort(final int newPort) {
        return new RestconfSettings(address, newPort, tls, users, clientCertificates, unauthenticated);
    }
}
