/**
 * The classical channel of an emulated QKD link: a TLS 1.3 connection with node certificates at both ends, the
 * hello that checks the peer node and link, and the small binary frame protocol the two ends of a link speak.
 */
package org.sdqkd.qkd.node.impl.link;
