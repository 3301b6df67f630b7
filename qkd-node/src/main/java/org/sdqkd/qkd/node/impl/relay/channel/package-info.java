/**
 * The KME-to-KME channel: mutually authenticated TLS 1.3 with the node certificates, the hybrid X25519MLKEM768
 * key exchange (module {@code tls}'s {@code PqcTls}), the peer pinned to its node ID, and framed messages with a
 * sequence number per direction, a bounded frame size and a handshake deadline.
 */
package org.sdqkd.qkd.node.impl.relay.channel;
