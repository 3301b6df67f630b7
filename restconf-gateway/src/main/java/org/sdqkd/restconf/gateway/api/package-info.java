/**
 * The RESTCONF gateway (RFC 8040) that serves an sdqkd datastore and its YANG models over HTTP: its entry point and
 * settings.
 */
package org.sdqkd.restconf.gateway.api;
