/**
 * What other modules use of the SD-QKD node (ETSI GS QKD 015 node, ETSI GS QKD 014 key delivery): erasable key
 * bytes, the project's small PKI and the TLS identities built from its files.
 */
package org.sdqkd.qkd.node.api;
