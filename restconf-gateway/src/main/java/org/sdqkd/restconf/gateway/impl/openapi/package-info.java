/**
 * The OpenAPI 3.1 document of a gateway, generated from its served YANG models: the RFC 8040 paths of every data
 * node, RPC and action, with RFC 7951 JSON schemas carrying the YANG constraints (ranges, lengths, patterns converted
 * from XSD to ECMA 262, enums, identities, keys, mandatory nodes, defaults).
 */
package org.sdqkd.restconf.gateway.impl.openapi;
