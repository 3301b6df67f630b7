package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * The hybrid classical + QKD key exchange of a node's NETCONF SSH server: the settings, and the SAE through which it
 * takes QKD keys from a KME, by default the node's own.
 *
 * @param settings   the policy, methods, peers and re-key limits
 * @param kmeUrl     the KME's base URL; empty for the node's own KME, wherever it listens
 * @param localSaeId the SAE identity of the NETCONF server towards the KME: its certificate's CN
 * @param timeout    the time allowed for one key request
 * @param identity   the SAE's certificate and key, and the CA trusted for the KME
 */
public record NodeSshQkd(SshQkdSettings settings, Optional<URI> kmeUrl, String localSaeId, Duration timeout,
        TlsIdentity identity) {

    /**
     * Checks the components.
     *
     * @param settings   the settings
     * @param kmeUrl     the KME's URL, or empty
     * @param localSaeId not blank
     * @param timeout    positive
     * @param identity   the SAE's identity
     */
    public NodeSshQkd {
        requireNonNull(settings, "settings");
        requireNonNull(kmeUrl, "kmeUrl");
        requireNonNull(localSaeId, "localSaeId");
        requireNonNull(timeout, "timeout");
        requireNonNull(identity, "identity");
        if (localSaeId.isBlank()) {
            throw new IllegalArgumentException("blank local SAE ID");
        }
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("timeout not positive: " + timeout);
        }
    }
}
