/**
 * The controller's NETCONF sessions to its nodes (RFC 6241 over RFC 6242 SSH, keyed by the hybrid QKD key exchange by
 * default): connected, reconnected and disconnected as the network's configuration changes, with each node's host key
 * pinned or in a known-hosts store, and each node's connection state in the operational datastore.
 */
package org.sdqkd.controller.impl.connection;
