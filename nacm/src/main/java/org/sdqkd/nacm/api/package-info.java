/**
 * The access control contract shared by the NETCONF agent and the RESTCONF gateway: RFC 8341 (NACM) decisions on
 * protocol operations, data (YangInstanceIdentifier paths and NormalizedNode trees) and notifications.
 */
package org.sdqkd.nacm.api;
