/**
 * Drivers of NETCONF tools sdqkd did not write, for interoperability tests of the agent: python3-ncclient scripts
 * ({@link org.sdqkd.netconf.interop.tools.Ncclient}), yuma123's yangcli, OpenSSH's {@code ssh -s netconf} and
 * libyang's yanglint; the agent they run against ({@link org.sdqkd.netconf.interop.tools.AgentUnderTest}), and a
 * launcher of Debian's netconfd behind a private sshd to develop the scripts against.
 */
package org.sdqkd.netconf.interop.tools;
