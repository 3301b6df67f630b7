/**
 * Trusted-node key relay in the key plane: end-to-end keys carried hop by hop, one-time-padded with link keys and
 * authenticated with a MAC keyed by link keys, over the KME-to-KME channel ({@code impl.relay.channel}).
 */
package org.sdqkd.qkd.node.impl.relay;
