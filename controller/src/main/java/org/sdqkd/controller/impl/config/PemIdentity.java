package org.sdqkd.controller.impl.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A TLS identity read from PEM files (what {@code sdqkd pki} writes): a certificate with its chain, its private key
 * (PKCS#8 or the older OpenSSL form, unencrypted) and the CAs trusted for peers, as in-memory key stores for Jetty and
 * as a TLS context for an HTTPS client. The key store's password is random per identity; {@link #toString()} shows the
 * certificate's subject only.
 */
public final class PemIdentity {
    private static final String ALIAS = "identity";

    private final X509Certificate certificate;
    private final KeyStore keyStore;
    private final char[] password;
    private final KeyStore trustStore;

    private PemIdentity(final X509Certificate certificate, final KeyStore keyStore, final char[] password,
            final KeyStore trustStore) {
        this.certificate = certificate;
        this.keyStore = keyStore;
        this.password = password;
        this.trustStore = trustStore;
    }

    /**
     * Loads an identity.
     *
     * @param certificateFile the certificate, optionally followed by its issuers
     * @param keyFile         its private key
     * @param caFile          the CA certificates trusted for peers
     * @return the identity
     * @throws IOException when a file cannot be read or holds no certificate or key
     */
    public static PemIdentity load(final Path certificateFile, final Path keyFile, final Path caFile)
            throws IOException {
        final List<X509Certificate> chain = certificates(certificateFile);
        final PrivateKey key = privateKey(keyFile);
        final List<X509Certificate> trusted = certificates(caFile);
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
            return new PemIdentity(chain.getFirst(), keys, password, trust);
        } catch (GeneralSecurityException e) {
            throw new IOException(keyFile + " does not fit " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    /** The key store of the private key and its chain. */
    public KeyStore keyStore() {
        return keyStore;
    }

    /** The password of {@link #keyStore()} and its key entry. */
    public String keyStorePassword() {
        return new String(password);
    }

    /** The trust store of the trusted CAs. */
    public KeyStore trustStore() {
        return trustStore;
    }

    /** The subject's common name, such as an SAE ID. */
    public Optional<String> commonName() {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A new TLS context presenting this identity and trusting the CAs only.
     *
     * @return the context
     */
    public SSLContext sslContext() {
        try {
            final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            final TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trustStore);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PemIdentity[" + certificate.getSubjectX500Principal().getName() + "]";
    }

    private static List<X509Certificate> certificates(final Path file) throws IOException {
        final List<X509Certificate> certificates = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(in)) {
            final JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": not a valid certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + ": no PEM certificate in it");
        }
        return certificates;
    }

    private static PrivateKey privateKey(final Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(in)) {
            final JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        }
        throw new IOException(file + ": no unencrypted PEM private key in it");
    }
}
