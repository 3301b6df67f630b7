package org.sdqkd.tls.api;

import java.util.List;

/**
 * Which TLS 1.3 key exchanges a {@link PqcTls} endpoint offers and accepts. The hybrid post-quantum group is
 * required unless classical groups are allowed by explicit configuration.
 */
public enum PqcPolicy {
    /**
     * Only the hybrid X25519MLKEM768 key exchange: a peer without it fails the handshake or is refused right after
     * it. The default. (secp256r1 stays in the named groups because Bouncy Castle's JSSE also uses that list to
     * allow the ECDSA P-256 signatures of the node certificates; only the hybrid group gets a key share, and
     * {@link PqcTls#verify} refuses any other negotiated group.)
     */
    REQUIRED(List.of(PqcTls.HYBRID_GROUP, "secp256r1")),
    /** The hybrid group first, then x25519 and secp256r1 for peers without it (explicit configuration only). */
    CLASSICAL_ALLOWED(List.of(PqcTls.HYBRID_GROUP, "x25519", "secp256r1"));

    private final List<String> namedGroups;

    PqcPolicy(final List<String> namedGroups) {
        this.namedGroups = namedGroups;
    }

    /** The TLS named groups offered (client) and accepted (server), the most preferred first. */
    public List<String> namedGroups() {
        return namedGroups;
    }
}
