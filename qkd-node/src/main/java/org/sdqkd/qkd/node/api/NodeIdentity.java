package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * Who this node is.
 *
 * @param nodeId the node's {@code qkdn_id}, named in its certificate as {@code urn:uuid:...}
 * @param name   the node's name, its certificate's CN
 * @param kmeId  the KME ID its ETSI GS QKD 014 API reports ({@code source_KME_ID})
 * @param tls    the node's certificate and key, and the CA trusted for peers (links and SAEs)
 */
public record NodeIdentity(UUID nodeId, String name, String kmeId, TlsIdentity tls) {
    /** Checks the components. */
    public NodeIdentity {
        requireNonNull(nodeId);
        requireNonNull(name);
        requireNonNull(kmeId);
        requireNonNull(tls);
    }
}
