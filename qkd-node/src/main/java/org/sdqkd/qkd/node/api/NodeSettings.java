package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.qkd.node.QkdNode;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * How a {@link QkdNode} runs.
 *
 * @param name          the node's name: its certificate's CN
 * @param nodeId        the node's {@code qkdn_id}: its certificate names it as {@code urn:uuid:...}
 * @param kmeId         the KME ID the ETSI GS QKD 014 API reports
 * @param tls           the node certificate and key, and the CA trusted for peer nodes and SAEs
 * @param netconf       the NETCONF agent's settings (SSH, datastore directory, limits)
 * @param kmeAddress    the address the ETSI GS QKD 014 KME binds
 * @param kmePort       its port, 0 for any free one
 * @param initialConfig an ETSI GS QKD 015 {@code qkd_node} document (XML or JSON) written to running when running
 *                      has no {@code qkd_node} yet (the first start); later starts keep running as it is
 * @param baseDirectory the directory relative trace files are resolved against
 * @param sshQkd        the hybrid classical + QKD key exchange of the NETCONF SSH server, or empty for MINA's
 *                      standard methods only
 * @param restconf      the node's RESTCONF server, which the launcher starts on its datastores, or empty for none
 */
public record NodeSettings(String name, UUID nodeId, String kmeId, TlsIdentity tls, AgentSettings netconf,
        String kmeAddress, int kmePort, Optional<Path> initialConfig, Path baseDirectory,
        Optional<NodeSshQkd> sshQkd, Optional<NodeRestconf> restconf) {
    /** Checks the components. */
    public NodeSettings {
        requireNonNull(sshQkd);
        requireNonNull(restconf);
        requireNonNull(name);
        requireNonNull(nodeId);
        requireNonNull(kmeId);
        requireNonNull(tls);
        requireNonNull(netconf);
        requireNonNull(kmeAddress);
        requireNonNull(initialConfig);
        requireNonNull(baseDirectory);
        if (kmePort < 0 || kmePort > 65535) {
            throw new IllegalArgumentException("KME port out of range: " + kmePort);
        }
        final Optional<UUID> certified = TlsIdentity.nodeId(tls.certificate());
        if (!certified.equals(Optional.of(nodeId))) {
            throw new IllegalArgumentException("the node certificate names node " + certified.map(UUID::toString)
                .orElse("(none)") + ", not " + nodeId);
        }
    }

    /**
     * Settings without a RESTCONF server.
     *
     * @param name          the node's name
     * @param nodeId        the node's {@code qkdn_id}
     * @param kmeId         the KME ID
     * @param tls           the node's TLS identity
     * @param netconf       the agent's settings
     * @param kmeAddress    the KME's address
     * @param kmePort       the KME's port
     * @param initialConfig the first-start configuration
     * @param baseDirectory the base of relative paths
     * @param sshQkd        the hybrid key exchange, or empty
     */
    public NodeSettings(final String name, final UUID nodeId, final String kmeId, final TlsIdentity tls,
            final AgentSettings netconf, final String kmeAddress, final int kmePort,
            final Optional<Path> initialConfig, final Path baseDirectory, final Optional<NodeSshQkd> sshQkd) {
        this(name, nodeId, kmeId, tls, netconf, kmeAddress, kmePort, initialConfig, baseDirectory, sshQkd,
            Optional.empty());
    }

    /**
     * Settings without the hybrid key exchange.
     *
     * @param name          the node's name
     * @param nodeId        the node's {@code qkdn_id}
     * @param kmeId         the KME ID
     * @param tls           the node's TLS identity
     * @param netconf       the agent's settings
     * @param kmeAddress    the KME's address
     * @param kmePort       the KME's port
     * @param initialConfig the first-start configuration
     * @param baseDirectory the base of relative paths
     */
    public NodeSettings(final String name, final UUID nodeId, final String kmeId, final TlsIdentity tls,
            final AgentSettings netconf, final String kmeAddress, final int kmePort,
            final Optional<Path> initialConfig, final Path baseDirectory) {
        this(name, nodeId, kmeId, tls, netconf, kmeAddress, kmePort, initialConfig, baseDirectory, Optional.empty());
    }
}
