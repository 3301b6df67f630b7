/**
 * TLS material for tests and benchmarks: an in-memory certificate authority and the {@code SSLContext}s of servers and
 * ETSI GS QKD 014 SAE clients (RFC 8446 TLS 1.3 with client certificates).
 */
package org.sdqkd.testsupport.tls;
