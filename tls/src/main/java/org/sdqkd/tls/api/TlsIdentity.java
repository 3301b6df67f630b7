package org.sdqkd.tls.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A TLS identity from the PKI's files: a certificate chain with its private key, and the CA certificates trusted
 * for peers. It gives the {@link SSLContext} (TLS 1.3 and 1.2, client and server) and the key and trust stores
 * Jetty wants. Peers are trusted only when their chain leads to one of the trusted CAs (PKIX).
 */
public final class TlsIdentity {
    private static final String ALIAS = "identity";

    private final List<X509Certificate> chain;
    private final KeyStore keyStore;
    private final char[] keyStorePassword;
    private final KeyStore trustStore;

    private TlsIdentity(final List<X509Certificate> chain, final KeyStore keyStore, final char[] keyStorePassword,
            final KeyStore trustStore) {
        this.chain = chain;
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword;
        this.trustStore = trustStore;
    }

    /**
     * Loads an identity from PEM files.
     *
     * @param certificateFile the certificate, optionally followed by its issuers
     * @param keyFile         its private key (PKCS#8 or OpenSSL PEM, unencrypted)
     * @param trustedCaFile   the CA certificates trusted for peers
     * @return the identity
     * @throws IOException when a file cannot be read or the key is not the certificate's
     */
    public static TlsIdentity load(final Path certificateFile, final Path keyFile, final Path trustedCaFile)
            throws IOException {
        final List<X509Certificate> chain = Pem.readCertificates(certificateFile);
        final PrivateKey key = Pem.readPrivateKey(keyFile);
        if (!Pem.matches(chain.getFirst(), key)) {
            throw new IOException(keyFile + " is not the private key of " + certificateFile);
        }
        final List<X509Certificate> trusted = Pem.readCertificates(trustedCaFile);
        try {
            final char[] password = HexFormat.of().formatHex(SecureRandom.getSeed(16)).toCharArray();
            final KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(ALIAS, key, password, chain.toArray(X509Certificate[]::new));
            final KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                trust.setCertificateEntry("ca" + i, trusted.get(i));
            }
            return new TlsIdentity(chain, keys, password, trust);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build a key store from " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    /** This identity's certificate. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** The key store holding the private key and chain (PKCS#12, in memory), for Jetty. */
    public KeyStore keyStore() {
        return keyStore;
    }

    /** The password of {@link #keyStore()} and of its key entry (random, per identity). */
    public String keyStorePassword() {
        return new String(keyStorePassword);
    }

    /** The trust store of the trusted CA certificates, for Jetty. */
    public KeyStore trustStore() {
        return trustStore;
    }

    /**
     * A new TLS context with this identity as both client and server and the trusted CAs for peers.
     *
     * @return the context
     */
    public SSLContext sslContext() {
        try {
            final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, keyStorePassword);
            final TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trustStore);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * The common name (CN) of a certificate's subject: an SAE ID or a node name in this PKI.
     *
     * @param certificate the certificate
     * @return the CN, when the subject has one
     */
    public static Optional<String> commonName(final X509Certificate certificate) {
        final X500Principal principal = requireNonNull(certificate).getSubjectX500Principal();
        final X500Name name = X500Name.getInstance(principal.getEncoded());
        final var rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    /**
     * The node ID ({@code qkdn_id}) a node certificate names as {@code urn:uuid:...} among its subject alternative
     * names.
     *
     * @param certificate the certificate
     * @return the node ID, when there is one
     */
    public static Optional<UUID> nodeId(final X509Certificate certificate) {
        try {
            final Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return Optional.empty();
            }
            for (List<?> entry : names) {
                if (Integer.valueOf(6).equals(entry.get(0)) && entry.get(1) instanceof String uri
                        && uri.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
                    return Optional.of(UUID.fromString(uri.substring(9)));
                }
            }
            return Optional.empty();
        } catch (CertificateParsingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
