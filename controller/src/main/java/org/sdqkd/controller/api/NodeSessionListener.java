package org.sdqkd.controller.api;

import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.sdqkd.netconf.client.api.NetconfSession;

/**
 * Told when the controller's session to a node comes up or goes away. Calls for one node come in order, one at a
 * time; they must not block (start slow work, such as reading the node's data, on another thread).
 */
public interface NodeSessionListener {
    /**
     * A session to the node is up: the hello exchange is done and the session is usable.
     *
     * @param node    the node's id
     * @param session the session
     */
    void connected(NodeId node, NetconfSession session);

    /**
     * The session to the node ended (dropped, refused, or closed because the node left the configuration or its
     * settings changed). A {@link #connected} follows when a new session comes up.
     *
     * @param node the node's id
     */
    void disconnected(NodeId node);
}
