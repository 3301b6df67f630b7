/**
 * What a service plugs into the RESTCONF gateway: implementations of the RPCs and actions of the served models,
 * invoked by {@code POST {+restconf}/operations/module:rpc} and by POST on an action's data resource (RFC 8040
 * sections 3.6 and 4.4.2), with input and output as yangtools NormalizedNodes.
 */
package org.sdqkd.restconf.gateway.spi;
