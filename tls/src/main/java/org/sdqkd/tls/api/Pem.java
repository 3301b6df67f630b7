package org.sdqkd.tls.api;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM files of certificates and private keys (PKCS#8, or the older OpenSSL forms when reading), as {@code sdqkd pki}
 * writes them. A written private key file is readable by its owner only, and never replaces an existing one.
 */
public final class Pem {
    private Pem() {
        // static only
    }

    /**
     * Writes certificates to a file, replacing it.
     *
     * @param file         the file
     * @param certificates the certificates, in order
     * @throws IOException when the file cannot be written
     */
    public static void writeCertificates(final Path file, final List<X509Certificate> certificates) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate cert : certificates) {
                pem.writeObject(cert);
            }
        }
    }

    /**
     * Writes a private key (PKCS#8) to a new file readable and writable by its owner only.
     *
     * @param file the file, which must not exist
     * @param key  the key
     * @throws IOException when the file exists or cannot be written
     */
    public static void writePrivateKey(final Path file, final PrivateKey key) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key exists already; not replaced");
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
    }

    /**
     * Reads every certificate of a PEM file.
     *
     * @param file the file
     * @return the certificates, in file order (at least one)
     * @throws IOException when the file cannot be read, holds an invalid certificate or none
     */
    public static List<X509Certificate> readCertificates(final Path file) throws IOException {
        final List<X509Certificate> certs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(in)) {
            final JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": not a valid certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IOException(file + ": no PEM certificate in it");
        }
        return List.copyOf(certs);
    }

    /**
     * Reads the first unencrypted private key of a PEM file.
     *
     * @param file the file
     * @return the key
     * @throws IOException when the file cannot be read or holds no unencrypted key
     */
    public static PrivateKey readPrivateKey(final Path file) throws IOException {
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

    /**
     * Whether a private key belongs to a certificate's public key (checked by signing and verifying a probe).
     *
     * @param cert the certificate
     * @param key  the private key
     * @return whether they are a pair
     */
    public static boolean matches(final X509Certificate cert, final PrivateKey key) {
        final String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA"
            : "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : key.getAlgorithm();
        try {
            final byte[] probe = "sdqkd key check".getBytes(StandardCharsets.US_ASCII);
            final Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            final byte[] signature = signer.sign();
            final Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
