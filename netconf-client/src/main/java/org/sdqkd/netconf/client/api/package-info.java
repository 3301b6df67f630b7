/**
 * The NETCONF client (RFC 6241 over SSH, RFC 6242) that the controller, the tests and the benchmarks use.
 * {@link org.sdqkd.netconf.client.NetconfClient} holds one SSH client and a few shared threads;
 * {@link org.sdqkd.netconf.client.NetconfClient#connect} opens a
 * {@link org.sdqkd.netconf.client.api.NetconfSession}, which sends rpcs and completes their futures when the
 * matching {@code rpc-reply} arrives; {@link org.sdqkd.netconf.client.NetconfOperations} holds the typed
 * operations of RFC 6241, RFC 5277, RFC 6022 and RFC 8526 on any session;
 * {@link org.sdqkd.netconf.client.api.ReconnectingSession} keeps a session up across drops. Failures are
 * {@link org.sdqkd.netconf.client.api.NetconfClientException}s.
 */
package org.sdqkd.netconf.client.api;
