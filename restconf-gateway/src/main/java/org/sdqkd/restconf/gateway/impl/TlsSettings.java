package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.security.KeyStore;

/**
 * The gateway's TLS identity and the CAs it trusts for client certificates.
 *
 * @param keyStore         the server's private key and certificate chain
 * @param keyStorePassword the password of the key store and of its key entry
 * @param trustStore       the CA certificates client certificates must lead to (PKIX)
 * @param allowTls12       whether TLS 1.2 is accepted beside TLS 1.3 (RFC 8446); off unless configured
 */
public record TlsSettings(KeyStore keyStore, String keyStorePassword, KeyStore trustStore, boolean allowTls12) {
    /**
     * Checks the components.
     *
     * @param keyStore         the server's private key and certificate chain
     * @param keyStorePassword the password of the key store
     * @param trustStore       the trusted CAs
     * @param allowTls12       whether TLS 1.2 is accepted
     */
    public TlsSettings {
        requireNonNull(keyStore, "keyStore");
        requireNonNull(keyStorePassword, "keyStorePassword");
        requireNonNull(trustStore, "trustStore");
    }

    @Override
    public String toString() {
        return "TlsSettings[allowTls12=" + allowTls12 + "]";
    }
}
