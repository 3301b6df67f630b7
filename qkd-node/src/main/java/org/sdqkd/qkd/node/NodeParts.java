package org.sdqkd.qkd.node;

import java.io.IOException;
import org.sdqkd.netconf.server.NetconfAgent;
import org.sdqkd.qkd.node.api.AgentBridge;
import org.sdqkd.qkd.node.api.KeyDelivery;
import org.sdqkd.qkd.node.api.KeyPlane;
import org.sdqkd.qkd.node.api.KmeEndpoint;
import org.sdqkd.qkd.node.api.KmeSettings;
import org.sdqkd.qkd.node.api.NodeAgentSettings;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.impl.agent.NodeAgent;
import org.sdqkd.qkd.node.impl.keys.EmulatedKeyPlane;
import org.sdqkd.qkd.node.impl.kme.KmeServer;

/**
 * The node's three parts, each started on its own: the emulated key plane, the ETSI GS QKD 014 KME in front of a key
 * delivery, and the ETSI GS QKD 015 agent bridge over a key plane. {@code QkdNode} wires all three for a whole node;
 * these are for callers that need one part alone (the benchmarks measure the KMEs over two key planes, and the
 * bridge's refresh over a key plane of their own).
 */
public final class NodeParts {
    private NodeParts() {
        // static entry points only
    }

    /**
     * A key plane with emulated QKD links (none yet: {@link KeyPlane#applyLinks}).
     *
     * @param self this node
     * @return the key plane, to close
     */
    public static KeyPlane emulatedKeyPlane(final NodeIdentity self) {
        return new EmulatedKeyPlane(self);
    }

    /**
     * Starts a KME.
     *
     * @param settings where to listen, the node's TLS identity and the request limits
     * @param delivery what gives the keys (a key plane)
     * @return the running KME, to close
     * @throws IOException when it cannot start (the port is taken, the TLS identity is unusable)
     */
    public static KmeEndpoint startKme(final KmeSettings settings, final KeyDelivery delivery) throws IOException {
        return KmeServer.start(settings, delivery);
    }

    /**
     * Starts the agent bridge: applies running's {@code qkd_node} to the key plane and writes the first operational
     * state before it returns (creating the node's binding codec takes about a second).
     *
     * @param agent    the node's NETCONF agent
     * @param plane    the node's key plane; the bridge does not close it
     * @param self     this node
     * @param settings the intervals and the trace files
     * @return the running bridge, to close
     */
    public static AgentBridge startAgentBridge(final NetconfAgent agent, final KeyPlane plane, final NodeIdentity self,
            final NodeAgentSettings settings) {
        return NodeAgent.start(agent, plane, self, settings);
    }
}
