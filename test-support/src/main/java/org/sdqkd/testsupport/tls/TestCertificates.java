package org.sdqkd.testsupport.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority in memory for tests and benchmarks (ECDSA P-256, Bouncy Castle): TLS contexts for a server
 * on 127.0.0.1 and for SAE clients whose CN is their SAE ID, key and trust stores, and PEM files for tools such as
 * curl when asked. For the node's PKI in files
 * (node certificates naming their {@code qkdn_id}), tests use {@code qkd-node}'s {@code CertificateAuthority}.
 */
public final class TestCertificates {
    /** The password of the key stores {@link #keyStore} makes. */
    public static final String KEY_STORE_PASSWORD = "test";

    private static final char[] PASSWORD = KEY_STORE_PASSWORD.toCharArray();
    private static final String LEAF = "leaf";

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private long serial = 1;

    /**
     * Makes a new CA.
     *
     * @param name the CA's CN
     */
    public TestCertificates(final String name) {
        try {
            caKeys = keys();
            final X500Name subject = new X500Name("CN=" + name);
            final JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(serial++), Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), subject, caKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            ca = sign(builder, caKeys);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    /**
     * A TLS context with a certificate of this CA.
     *
     * @param commonName the certificate's CN (an SAE ID for a client)
     * @param server     whether the certificate names 127.0.0.1, for a server
     * @param trusted    the CA trusted for peers
     * @return the context
     */
    public SSLContext context(final String commonName, final boolean server, final TestCertificates trusted) {
        return trusted.clientContext(keyStore(commonName, server), "TLS");
    }

    /**
     * A PKCS#12 key store (password {@link #KEY_STORE_PASSWORD}) with one entry, {@code leaf}: a new key and its
     * certificate from this CA, with the CA after it in the chain.
     *
     * @param commonName       the certificate's CN
     * @param server           whether the certificate names 127.0.0.1 and localhost, for a server
     * @param alternativeNames the subject alternative names of a client certificate (ignored for a server)
     * @return the key store
     */
    public KeyStore keyStore(final String commonName, final boolean server, final GeneralName... alternativeNames) {
        try {
            final KeyPair leafKeys = keys();
            final JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(ca.getSubjectX500Principal().getName()), BigInteger.valueOf(serial++),
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plus(Duration.ofDays(1))),
                new X500Name("CN=" + commonName), leafKeys.getPublic());
            if (server) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            } else if (alternativeNames.length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
            }
            final KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(LEAF, leafKeys.getPrivate(), PASSWORD,
                new X509Certificate[] {sign(builder, caKeys), ca});
            return keyStore;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    /**
     * A PKCS#12 trust store holding this CA.
     *
     * @return the trust store
     */
    public KeyStore trustStore() {
        try {
            final KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("ca", ca);
            return trustStore;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a test trust store", e);
        }
    }

    /**
     * A TLS context that trusts this CA, with a key store of one of {@link #keyStore} or none.
     *
     * @param keys     the context's own certificate and key, or {@code null} for none
     * @param protocol the {@link SSLContext} protocol, such as {@code TLS} or {@code TLSv1.2}
     * @return the context
     */
    public SSLContext clientContext(final KeyStore keys, final String protocol) {
        try {
            final TrustManagerFactory tm = TrustManagerFactory.getInstance("PKIX");
            tm.init(trustStore());
            KeyManagerFactory km = null;
            if (keys != null) {
                km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                km.init(keys, PASSWORD);
            }
            final SSLContext context = SSLContext.getInstance(protocol);
            context.init(km == null ? null : km.getKeyManagers(), tm.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a test TLS context", e);
        }
    }

    /**
     * Writes this CA's certificate as PEM, for tools such as curl.
     *
     * @param file where
     * @return the file
     * @throws IOException when it cannot be written
     */
    public Path writeCa(final Path file) throws IOException {
        return writePem(file, ca);
    }

    /**
     * Writes the certificate and the private key (PKCS#8) of a {@link #keyStore}'s entry as PEM files, for curl.
     *
     * @param keys            the key store
     * @param certificateFile where the certificate goes
     * @param keyFile         where the private key goes
     * @throws IOException when they cannot be written
     */
    public void writeEntry(final KeyStore keys, final Path certificateFile, final Path keyFile) throws IOException {
        try {
            writePem(certificateFile, keys.getCertificate(LEAF));
            final byte[] pkcs8 = keys.getKey(LEAF, PASSWORD).getEncoded();
            Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test key store", e);
        }
    }

    private static Path writePem(final Path file, final Object object) throws IOException {
        final StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        return Files.writeString(file, text.toString());
    }

    private static KeyPair keys() throws GeneralSecurityException {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(final JcaX509v3CertificateBuilder builder, final KeyPair issuer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
            new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
