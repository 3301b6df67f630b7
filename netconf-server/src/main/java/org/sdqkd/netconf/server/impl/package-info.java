/**
 * The NETCONF agent's SSH transport on Apache MINA SSHD: the {@code netconf} subsystem (RFC 6242 section 3) with one
 * virtual thread per session, password and public-key user authentication (RFC 4252 sections 7 and 8), the persistent
 * host key, and the limits on connections, sessions, idle time and authentication. Not for use outside this module.
 */
package org.sdqkd.netconf.server.impl;
