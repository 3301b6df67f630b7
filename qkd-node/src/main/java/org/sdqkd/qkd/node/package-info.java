/**
 * The SD-QKD node's entry points, the only package that wires its implementation: {@link org.sdqkd.qkd.node.QkdNode}
 * builds and starts a whole node (emulated QKD links, key store, ETSI GS QKD 014 KME, NETCONF agent), and
 * {@link org.sdqkd.qkd.node.NodeParts} starts the key plane, the KME and the ETSI GS QKD 015 agent bridge one by one.
 * What they take and return is in {@code org.sdqkd.qkd.node.api}.
 */
package org.sdqkd.qkd.node;
