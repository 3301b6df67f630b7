/**
 * The entry point of the SD-QKD node: {@link org.sdqkd.qkd.node.QkdNode} builds and starts a node (emulated QKD links,
 * key store, ETSI GS QKD 014 KME, NETCONF agent). The only package that wires the implementation; the settings and
 * values are in {@code org.sdqkd.qkd.node.api}.
 */
package org.sdqkd.qkd.node;
