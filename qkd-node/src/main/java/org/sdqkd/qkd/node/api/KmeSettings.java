package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * How the ETSI GS QKD 014 KME listens.
 *
 * @param bindAddress      the address to bind
 * @param port             the HTTPS port, 0 for any free one
 * @param tls              the node's certificate (the server's) and the CA that issues SAE certificates
 * @param maxKeyPerRequest the largest {@code number} of one enc_keys request, at most
 *                         {@value Etsi014Limits#MAX_KEYS_PER_REQUEST}
 * @param maxSaeIdCount    the most additional slave SAEs of one enc_keys request, at most
 *                         {@value Etsi014Limits#MAX_ADDITIONAL_SLAVES}
 */
public record KmeSettings(String bindAddress, int port, TlsIdentity tls, int maxKeyPerRequest, int maxSaeIdCount) {
    /** Checks the components. */
    public KmeSettings {
        requireNonNull(bindAddress);
        requireNonNull(tls);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        limits(maxKeyPerRequest, maxSaeIdCount);
    }

    /** Settings with the largest limits ({@link Etsi014Limits#MAXIMA}). */
    public static KmeSettings of(final String bindAddress, final int port, final TlsIdentity tls) {
        return new KmeSettings(bindAddress, port, tls, Etsi014Limits.MAX_KEYS_PER_REQUEST,
            Etsi014Limits.MAX_ADDITIONAL_SLAVES);
    }

    /** The request limits as the KME applies and announces them. */
    public Etsi014Limits limits() {
        return limits(maxKeyPerRequest, maxSaeIdCount);
    }

    private static Etsi014Limits limits(final int maxKeyPerRequest, final int maxSaeIdCount) {
        return new Etsi014Limits(maxKeyPerRequest, maxSaeIdCount);
    }
}
