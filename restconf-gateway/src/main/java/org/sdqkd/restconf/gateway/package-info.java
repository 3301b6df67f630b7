/**
 * The RESTCONF gateway (RFC 8040) that serves an sdqkd datastore and its YANG models over HTTP: its entry point
 * {@link org.sdqkd.restconf.gateway.RestconfGateway}, the one class that wires the implementation.
 */
package org.sdqkd.restconf.gateway;
