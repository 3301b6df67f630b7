package org.sdqkd.qkd.node.impl.relay;

/**
 * A relay node's counters, as operational data.
 *
 * @param originated keys this node drew as the source
 * @param relayed    keys this node passed on as a trusted node
 * @param delivered  keys this node received as the destination
 * @param refused    relay messages refused (MAC, sequence, path, untrusted, link units missing)
 * @param noLinkKey  keys not sent for want of link keys
 */
public record RelayCounters(long originated, long relayed, long delivered, long refused, long noLinkKey) {
}
