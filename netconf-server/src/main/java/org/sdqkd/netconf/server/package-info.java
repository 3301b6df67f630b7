/**
 * The entry points of the NETCONF server: {@link org.sdqkd.netconf.server.NetconfSshServer} (the RFC 6242 SSH
 * transport on MINA SSHD) and {@link org.sdqkd.netconf.server.NetconfAgent} (the RFC 6241 operations over a
 * datastore). The only package that wires the implementation; the contracts are in {@code
 * org.sdqkd.netconf.server.api}.
 */
package org.sdqkd.netconf.server;
