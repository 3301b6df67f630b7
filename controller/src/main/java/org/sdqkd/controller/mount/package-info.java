/**
 * The controller's NETCONF mounts of its nodes ({@link org.sdqkd.controller.mount.NetconfMounts}), which the RESTCONF
 * gateway serves under {@code network/node=ID/yang-ext:mount}: RFC 6241 operations on each node in its own schema,
 * resolved from its YANG library (RFC 8525, RFC 7895) or RFC 6022 get-schema.
 */
package org.sdqkd.controller.mount;
