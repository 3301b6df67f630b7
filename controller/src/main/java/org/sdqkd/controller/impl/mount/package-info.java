/**
 * A mounted NETCONF device (RFC 6241): reads as get or get-config with a subtree filter, edits as edit-config on the
 * candidate with validate and commit under its lock, RPCs, and its rpc-errors as the gateway's mount errors.
 */
package org.sdqkd.controller.impl.mount;
