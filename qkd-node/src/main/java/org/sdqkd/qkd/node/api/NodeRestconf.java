package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * The node's optional RESTCONF server (the {@code restconf:} section of its YAML): where it listens, its transport and
 * who may log in. The node itself does not start it; the launcher serves the node's datastores through the gateway
 * when this is present. HTTPS is the default, with the node's own TLS identity (the KME's) unless {@code tls} names
 * another; plain HTTP only when asked for, on loopback unless also allowed beyond it. Logins are HTTP Basic against
 * the node agent's users (their PBKDF2 password hashes) and, over HTTPS, client certificates mapped to those users;
 * no login at all only when asked for (the gateway allows that on loopback only).
 *
 * @param address                 the address to listen on
 * @param port                    the port, 0 for any free one
 * @param plainHttp               plain HTTP instead of HTTPS
 * @param plainHttpBeyondLoopback plain HTTP allowed on an address that is not loopback (only with plainHttp)
 * @param tls                     the HTTPS identity when it is not the node's own (only without plainHttp)
 * @param clientCertificates      certificate names (subject CN, DNS, URI or e-mail alternative names) to the agent's
 *                                user names (only over HTTPS)
 * @param unauthenticated         no login: everyone may read and change the node (loopback only)
 * @param tfsCompatible           TeraFlowSDN's QKD driver's habits accepted (bare names, trailing slashes, ...)
 */
public record NodeRestconf(String address, int port, boolean plainHttp, boolean plainHttpBeyondLoopback,
        Optional<TlsIdentity> tls, Map<String, String> clientCertificates, boolean unauthenticated,
        boolean tfsCompatible) {
    /** The default port of a node's RESTCONF server over HTTPS (sdqkd's RESTCONF port). */
    public static final int DEFAULT_PORT = 8443;
    /** The default port of a node's RESTCONF server over plain HTTP. */
    public static final int DEFAULT_PLAIN_PORT = 8080;

    /** Checks the components and copies the certificate table. */
    public NodeRestconf {
        requireNonNull(address);
        requireNonNull(tls);
        clientCertificates = Map.copyOf(clientCertificates);
        if (address.isBlank()) {
            throw new IllegalArgumentException("blank RESTCONF address");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("RESTCONF port out of range: " + port);
        }
        if (plainHttpBeyondLoopback && !plainHttp) {
            throw new IllegalArgumentException("plain HTTP beyond loopback needs plain HTTP");
        }
        if (plainHttp && tls.isPresent()) {
            throw new IllegalArgumentException("a TLS identity for plain HTTP");
        }
        if (plainHttp && !clientCertificates.isEmpty()) {
            throw new IllegalArgumentException("client certificates need HTTPS, not plain HTTP");
        }
        if (unauthenticated && !clientCertificates.isEmpty()) {
            throw new IllegalArgumentException("client certificates mapped to users, and no login");
        }
    }

    /**
     * Plain HTTP on an address, with the agent's users' passwords (or no login).
     *
     * @param address         the address (loopback)
     * @param port            the port
     * @param unauthenticated no login
     * @param tfsCompatible   TeraFlowSDN's habits accepted
     * @return the settings
     */
    public static NodeRestconf plainHttp(final String address, final int port, final boolean unauthenticated,
            final boolean tfsCompatible) {
        return new NodeRestconf(address, port, true, false, Optional.empty(), Map.of(), unauthenticated,
            tfsCompatible);
    }

    /** These settings on another port (0: any free port). */
    public NodeRestconf withPort(final int newPort) {
        return new NodeRestconf(address, newPort, plainHttp, plainHttpBeyondLoopback, tls, clientCertificates,
            unauthenticated, tfsCompatible);
    }
}
