package org.sdqkd.netconf.protocol.api;

import org.sdqkd.netconf.protocol.MessageCodec;

/**
 * A NETCONF message of RFC 6241: {@link Hello} (section 8.1), {@link Rpc} (section 4.1) or {@link RpcReply}
 * (section 4.2), or a {@link Notification} of RFC 5277. {@link MessageCodec} turns them into bytes and back.
 */
public sealed interface NetconfMessage permits Hello, Rpc, RpcReply, Notification {
    /** The NETCONF base namespace, of every element of these messages (RFC 6241 section 3.1). */
    String NAMESPACE = "urn:ietf:params:xml:ns:netconf:base:1.0";
}
