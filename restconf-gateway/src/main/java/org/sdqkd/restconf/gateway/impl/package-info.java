/**
 * The RESTCONF gateway's implementation (RFC 8040): the Jetty handler, API path parsing (section 3.5.3), request
 * and response bodies through the yangtools RFC 7951 JSON and XML codecs, and the errors of section 7.
 */
package org.sdqkd.restconf.gateway.impl;
