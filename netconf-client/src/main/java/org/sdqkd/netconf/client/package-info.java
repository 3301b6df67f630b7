/**
 * The entry points of the NETCONF client: {@link org.sdqkd.netconf.client.NetconfClient} opens RFC 6242 sessions over
 * SSH, {@link org.sdqkd.netconf.client.NetconfOperations} offers the typed RFC 6241 operations on a session. The only
 * package that wires the implementation; the contracts are in {@code org.sdqkd.netconf.client.api}.
 */
package org.sdqkd.netconf.client;
