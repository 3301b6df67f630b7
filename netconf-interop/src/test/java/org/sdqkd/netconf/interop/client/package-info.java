/**
 * sdqkd's NETCONF client ({@code org.sdqkd.netconf.client.NetconfClient}) against servers: Debian's netconfd
 * and OpenDaylight's device simulator (fixtures of {@link org.sdqkd.testsupport.peers}), and sdqkd's own agent.
 * {@link org.sdqkd.netconf.interop.client.ClientChecks} is the list of operations, the same as the ncclient
 * script's, written with the client's typed operations.
 */
package org.sdqkd.netconf.interop.client;
