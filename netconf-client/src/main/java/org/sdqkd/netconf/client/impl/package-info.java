/**
 * The client on Apache MINA SSHD: {@link org.sdqkd.netconf.client.impl.MinaNetconfClient} connects (TCP, SSH,
 * authentication, subsystem) asynchronously, {@link org.sdqkd.netconf.client.impl.ChannelNetconfSession} moves a
 * session's bytes with MINA's asynchronous channel streams and matches replies to rpcs, and
 * {@link org.sdqkd.netconf.client.impl.Requests} and {@link org.sdqkd.netconf.client.impl.Replies} build the
 * operations of {@link org.sdqkd.netconf.client.NetconfOperations} with the DOM and read their results. Only the
 * api package uses it.
 */
package org.sdqkd.netconf.client.impl;
