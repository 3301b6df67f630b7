package org.sdqkd.controller.impl.connection;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.Netconf;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.Policy;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.SaeId;
import org.sdqkd.ssh.qkd.api.KexPolicy;

/**
 * What of a node's configuration its NETCONF session depends on ({@code netconf/*} of {@code sdqkd-network}): a
 * change of any part closes the session and opens a new one; other changes (name, location, SAEs) leave it alone.
 *
 * @param node     the node
 * @param host     the address or DNS name of its NETCONF server
 * @param port     its port
 * @param username the SSH user name
 * @param hostKey  the pinned host key fingerprint, if any
 * @param policy   the use of the hybrid QKD key exchange
 * @param saeId    the SAE of the node's NETCONF server, the peer of the QKD keys, if configured
 */
record NodeEndpoint(NodeId node, String host, int port, String username, Optional<String> hostKey, KexPolicy policy,
        Optional<String> saeId) {
    NodeEndpoint {
        requireNonNull(node);
        requireNonNull(host);
        requireNonNull(username);
        requireNonNull(hostKey);
        requireNonNull(policy);
        requireNonNull(saeId);
    }

    /**
     * The endpoint of a configured node (decoded by the binding codec: absent leaves read as their YANG defaults).
     *
     * @param node the node's configuration
     * @return the endpoint
     */
    static NodeEndpoint of(final Node node) {
        final Netconf netconf = node.nonnullNetconf();
        final Policy policy = netconf.getKeyExchange() == null ? Policy.Required : netconf.getKeyExchange();
        return new NodeEndpoint(node.requireNodeId(), netconf.requireHost().stringValue(),
            netconf.requirePort().getValue().intValue(), netconf.requireUsername(),
            Optional.ofNullable(netconf.getHostKey()), KexPolicy.ofYangName(policy.getName()),
            Optional.ofNullable(netconf.getSaeId()).map(SaeId::getValue));
    }
}
