/**
 * The node's ETSI GS QKD 015 agent bridge: turns the {@code qkd_node} configuration of the NETCONF agent's running
 * datastore into key-plane links and applications, writes the node's state into the operational datastore and sends
 * the ETSI GS QKD 015 notifications.
 */
package org.sdqkd.qkd.node.impl.agent;
