/**
 * What the NETCONF server and client share: the RFC 6242 framings, a hardened XML parser, the RFC 6241 messages
 * ({@code hello}, {@code rpc}, {@code rpc-reply}) with their capabilities and {@code rpc-error} values, and the
 * typed exceptions that carry an RFC 6241 error-type and error-tag. Bytes and message types only: no sockets,
 * sessions or datastore operations.
 */
package org.sdqkd.netconf.protocol.api;
