/**
 * Drivers of NETCONF tools sdqkd did not write, for interoperability tests of the agent: python3-ncclient scripts
 * ({@link org.sdqkd.netconf.interop.tools.Ncclient}), yuma123's yangcli, OpenSSH's {@code ssh -s netconf} and
 * libyang's yanglint, and the server they run against ({@link org.sdqkd.netconf.interop.tools.AgentUnderTest}):
 * sdqkd's agent, or a peer of {@link org.sdqkd.testsupport.peers} such as Debian's netconfd.
 */
package org.sdqkd.netconf.interop.tools;
