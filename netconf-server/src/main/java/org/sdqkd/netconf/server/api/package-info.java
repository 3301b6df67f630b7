/**
 * What other modules use of the NETCONF agent's SSH transport (RFC 6242 section 3, over RFC 4254 channels): the
 * server with its configuration, the {@code netconf} subsystem sessions it hands to the NETCONF layer, and the
 * password hashes its configuration stores. It deals in bytes and channels, never in XML or YANG.
 */
package org.sdqkd.netconf.server.api;
