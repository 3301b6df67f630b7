/**
 * The SD-QKD controller's entry point, {@link org.sdqkd.controller.Controller}: its datastore, RESTCONF (RFC 8040) and
 * NETCONF (RFC 6241) sessions to its nodes, wired with plain constructors.
 */
package org.sdqkd.controller;
