/**
 * The NETCONF client (RFC 6241 over SSH, RFC 6242) that the controller, the tests and the benchmarks use.
 * {@link org.sdqkd.netconf.client.api.NetconfClient} holds one SSH client and a few shared threads;
 * {@link org.sdqkd.netconf.client.api.NetconfClient#connect} opens a
 * {@link org.sdqkd.netconf.client.api.NetconfSession}, whose operations return futures completed when the
 * matching {@code rpc-reply} arrives; {@link org.sdqkd.netconf.client.api.ReconnectingSession} keeps a session up
 * across drops. Failures are {@link org.sdqkd.netconf.client.api.NetconfClientException}s.
 */
package org.sdqkd.netconf.client.api;
