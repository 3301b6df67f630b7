package org.sdqkd.qkd.node.impl.kme;

import static java.util.Objects.requireNonNull;

import org.sdqkd.qkd.node.api.TlsIdentity;

/**
 * How the ETSI GS QKD 014 KME listens.
 *
 * @param bindAddress      the address to bind
 * @param port             the HTTPS port, 0 for any free one
 * @param tls              the node's certificate (the server's) and the CA that issues SAE certificates
 * @param maxKeyPerRequest the largest {@code number} of one enc_keys request
 * @param maxSaeIdCount    the most additional slave SAEs of one enc_keys request
 */
public record KmeSettings(String bindAddress, int port, TlsIdentity tls, int maxKeyPerRequest, int maxSaeIdCount) {
    /** The default largest number of keys per request. */
    public static final int DEFAULT_MAX_KEY_PER_REQUEST = 1024;
    /** The default most additional slave SAEs per request. */
    public static final int DEFAULT_MAX_SAE_ID_COUNT = 8;

    /** Checks the components. */
    public KmeSettings {
        requireNonNull(bindAddress);
        requireNonNull(tls);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxKeyPerRequest < 1 || maxSaeIdCount < 0) {
            throw new IllegalArgumentException("bad limits: " + maxKeyPerRequest + ", " + maxSaeIdCount);
        }
    }

    /** Settings with the default limits. */
    public static KmeSettings of(final String bindAddress, final int port, final TlsIdentity tls) {
        return new KmeSettings(bindAddress, port, tls, DEFAULT_MAX_KEY_PER_REQUEST, DEFAULT_MAX_SAE_ID_COUNT);
    }
}
