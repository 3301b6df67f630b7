package org.sdqkd.testsupport.peers;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and as whom a client reaches a NETCONF server over SSH (RFC 6242). The server accepts the password, and
 * the private key too when there is one. {@link #toString()} shows neither the password nor the key.
 *
 * @param host the server's address (always {@code 127.0.0.1} here)
 * @param port its SSH port
 * @param user the user name
 * @param password the user's password
 * @param privateKey an OpenSSH-format private key (no passphrase) the server accepts for the user, if any
 */
public record NetconfEndpoint(String host, int port, String user, String password, Optional<Path> privateKey) {

    /**
     * Checks the components.
     */
    public NetconfEndpoint {
        requireNonNull(host, "host");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        requireNonNull(privateKey, "privateKey");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return "NetconfEndpoint[" + user + "@" + host + ":" + port + (privateKey.isPresent() ? ", with key" : "")
            + "]";
    }
}
