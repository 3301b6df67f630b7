/**
 * OpenDaylight's controller as a peer to measure and test against: its NETCONF connector (RFC 6241 client, the
 * {@code topology-netconf} topology) and its RESTCONF server (RFC 8040) started from lighty.io's modules.
 */
package org.sdqkd.odl.peer;
