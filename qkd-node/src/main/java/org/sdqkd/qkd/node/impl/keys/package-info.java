/**
 * The emulated key plane, the one implementation of {@code api.KeyPlane}: emulated QKD links, one bounded key store
 * per link, and the delivery of keys to SAEs under the applications configured (ETSI GS QKD 014 semantics, ETSI GS
 * QKD 015 applications and links). Its records and interfaces are in {@code api}.
 */
package org.sdqkd.qkd.node.impl.keys;
