/**
 * The node's key management entity: the ETSI GS QKD 014 V1.1.1 REST API (status, enc_keys, dec_keys) over HTTPS
 * with client certificates, served by Jetty's core API in front of the key plane's {@code KeyDelivery}.
 */
package org.sdqkd.qkd.node.impl.kme;
