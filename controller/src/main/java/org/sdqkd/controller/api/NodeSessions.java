package org.sdqkd.controller.api;

import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.sdqkd.netconf.client.api.NetconfSession;

/**
 * The controller's NETCONF sessions to the nodes of its network (one per configured node), as they come and go. The
 * mounts and the topology are built on it. Thread-safe.
 */
public interface NodeSessions {
    /**
     * The open session to a node.
     *
     * @param node the node's id
     * @return the session, when the node is configured and connected now
     */
    Optional<NetconfSession> session(NodeId node);

    /**
     * Adds a listener. It is told at once, on the calling thread, of every node connected now, then of each change.
     *
     * @param listener the listener
     */
    void addListener(NodeSessionListener listener);

    /**
     * Removes a listener added before.
     *
     * @param listener the listener
     */
    void removeListener(NodeSessionListener listener);
}
