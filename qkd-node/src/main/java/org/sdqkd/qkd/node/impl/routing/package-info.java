/**
 * Decentralised routing between KMEs: a link-state protocol (hellos with a dead interval per neighbour,
 * link-state advertisements flooded with sequence numbers and ages, in the manner of OSPFv2, RFC 2328) whose
 * link metric grows as a link's key buffer empties, and shortest paths (Dijkstra) over it. Transport-independent:
 * messages are bytes handed to a {@link org.sdqkd.qkd.node.impl.routing.RoutingTransport}.
 */
package org.sdqkd.qkd.node.impl.routing;
