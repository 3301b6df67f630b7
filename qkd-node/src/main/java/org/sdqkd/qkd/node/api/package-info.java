/**
 * What other modules use of the SD-QKD node (ETSI GS QKD 015 node, ETSI GS QKD 014 key delivery): the whole node
 * ({@code QkdNode}, {@code NodeSettings}), the key plane's contract ({@link org.sdqkd.qkd.node.api.KeyPlane}, the
 * {@link org.sdqkd.qkd.node.api.KeyDelivery} the KME serves, the link and application records and their state), the
 * running KME and agent bridge ({@link org.sdqkd.qkd.node.api.KmeEndpoint},
 * {@link org.sdqkd.qkd.node.api.AgentBridge}), erasable key bytes, the project's small PKI and the TLS identities
 * built from its files. Nothing here imports {@code impl}; {@code org.sdqkd.qkd.node.NodeParts} starts the parts.
 */
package org.sdqkd.qkd.node.api;
