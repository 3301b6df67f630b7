/**
 * The entry points of the NETCONF protocol module: {@link org.sdqkd.netconf.protocol.MessageCodec} turns RFC 6241
 * messages into bytes and back, {@link org.sdqkd.netconf.protocol.SafeXml} parses XML within limits. The only package
 * that wires the implementation; the message types are in {@code org.sdqkd.netconf.protocol.api}.
 */
package org.sdqkd.netconf.protocol;
