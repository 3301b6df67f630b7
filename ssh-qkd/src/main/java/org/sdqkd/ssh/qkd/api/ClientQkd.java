package org.sdqkd.ssh.qkd.api;

import static java.util.Objects.requireNonNull;

/**
 * The hybrid key exchange of one client connection: the settings, the key source and the SAE of the server it
 * connects to.
 *
 * @param settings  the policy, methods and fallback choice (peers and re-key limits are the server's business)
 * @param keySource the client's key source; may be null only with {@link KexPolicy#OFF}
 * @param peerSaeId the server's SAE, the slave of the keys the client takes; may be null only with
 *                  {@link KexPolicy#OFF}
 */
public record ClientQkd(SshQkdSettings settings, QkdKeySource keySource, String peerSaeId) {

    /**
     * Checks that a hybrid policy has its key source and peer.
     *
     * @param settings  the settings
     * @param keySource the key source
     * @param peerSaeId the server's SAE
     */
    public ClientQkd {
        requireNonNull(settings, "settings");
        if (settings.policy() != KexPolicy.OFF) {
            requireNonNull(keySource, "a hybrid key exchange needs a key source");
            requireNonNull(peerSaeId, "a hybrid key exchange needs the server's SAE ID");
            if (peerSaeId.isBlank()) {
                throw new IllegalArgumentException("blank peer SAE ID");
            }
        }
    }
}
