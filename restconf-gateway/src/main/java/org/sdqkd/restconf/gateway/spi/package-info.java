/**
 * What other parts of a program plug into the RESTCONF gateway: {@link NotificationSink}, through which they publish
 * the notifications of the served models on the gateway's {@code NETCONF} event stream (RFC 8040 section 6).
 */
package org.sdqkd.restconf.gateway.spi;
