/**
 * The NETCONF layer of the agent (RFC 6241, RFC 6242 section 4, RFC 5277, RFC 6022, RFC 6243, RFC 6470, RFC 8525,
 * RFC 8526): sessions with their hello and framing, the operations on the datastores, subtree and XPath filters,
 * with-defaults, confirmed commits, the NETCONF event stream and the agent's own state data.
 */
package org.sdqkd.netconf.server.impl.agent;
