/**
 * The SD-QKD node's entry points that wire its implementation: {@link org.sdqkd.qkd.node.NodeParts} starts the key
 * plane, the ETSI GS QKD 014 KME and the ETSI GS QKD 015 agent bridge one by one. What they take and return is in
 * {@code org.sdqkd.qkd.node.api}.
 */
package org.sdqkd.qkd.node;
