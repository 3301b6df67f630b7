package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sdqkd.tls.api.Pem;

/**
 * The small PKI of an sdqkd network: one certificate authority that issues the node certificates (TLS server and
 * client: the KME's HTTPS and the QKD link channels) and the SAE certificates (TLS client: an SAE's identity at the
 * KME). Keys are ECDSA on NIST P-256, signatures SHA-256; files are PEM (certificates) and PKCS#8 PEM (private keys,
 * readable by their owner only), as curl, OpenSSL and Java read them.
 *
 * <p>Names: an SAE certificate's subject CN is the SAE ID of ETSI GS QKD 014. A node certificate's CN is the node's
 * name; its subject alternative names hold the node's {@code qkdn_id} as {@code urn:uuid:...}, and the host names
 * and addresses it serves on.
 */
public final class CertificateAuthority {
    /** The CA certificate's file name. */
    public static final String CA_CERT = "ca.crt";
    /** The CA private key's file name. */
    public static final String CA_KEY = "ca.key";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private CertificateAuthority(final X509Certificate certificate, final PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /**
     * Creates a CA and writes {@value #CA_CERT} and {@value #CA_KEY} into {@code directory} (created if missing).
     *
     * @param directory where to write; must not already hold a CA
     * @param name      the CA's common name
     * @param validity  how long its certificate is valid
     * @return the CA
     * @throws IOException when a file exists already or cannot be written
     */
    public static CertificateAuthority create(final Path directory, final String name, final Duration validity)
            throws IOException {
        if (requireNonNull(name).isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("a CA name is 1 to 128 characters: " + name);
        }
        Files.createDirectories(directory);
        if (Files.exists(directory.resolve(CA_CERT)) || Files.exists(directory.resolve(CA_KEY))) {
            throw new IOException("a CA exists already in " + directory);
        }
        try {
            final KeyPair keys = newKeyPair();
            final X500Name subject = subject(name, "sdqkd CA");
            final Instant now = Instant.now();
            final X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject,
                keys.getPublic());
            final JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                utils.createSubjectKeyIdentifier(keys.getPublic()));
            final X509Certificate cert = sign(builder, keys.getPrivate());
            Pem.writePrivateKey(directory.resolve(CA_KEY), keys.getPrivate());
            Pem.writeCertificates(directory.resolve(CA_CERT), List.of(cert));
            return new CertificateAuthority(cert, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create the CA: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the CA of {@code directory}.
     *
     * @param directory where {@value #CA_CERT} and {@value #CA_KEY} are
     * @return the CA
     * @throws IOException when they cannot be read or do not match
     */
    public static CertificateAuthority load(final Path directory) throws IOException {
        final X509Certificate cert = Pem.readCertificates(directory.resolve(CA_CERT)).getFirst();
        final PrivateKey key = Pem.readPrivateKey(directory.resolve(CA_KEY));
        if (!Pem.matches(cert, key)) {
            throw new IOException(directory.resolve(CA_KEY) + " is not the key of " + directory.resolve(CA_CERT));
        }
        return new CertificateAuthority(cert, key);
    }

    /** The CA's certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a node certificate and writes {@code <name>.crt} (the certificate, then the CA's) and
     * {@code <name>.key} into {@code directory}.
     *
     * @param directory where to write
     * @param name      the node's name (the certificate's CN)
     * @param nodeId    the node's {@code qkdn_id}
     * @param hosts     the DNS names and IP addresses the node serves on (for HTTPS host name checks)
     * @param validity  how long the certificate is valid
     * @return the certificate file
     * @throws IOException when a file cannot be written
     */
    public Path issueNode(final Path directory, final String name, final UUID nodeId, final Set<String> hosts,
            final Duration validity) throws IOException {
        requireNonNull(nodeId);
        final List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, "urn:uuid:" + nodeId));
        for (String host : hosts) {
            names.add(isAddress(host) ? new GeneralName(GeneralName.iPAddress, host)
                : new GeneralName(GeneralName.dNSName, host));
        }
        return issue(directory, name, "sdqkd node", names, new KeyPurposeId[] {
            KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}, validity);
    }

    /**
     * Issues an SAE certificate and writes {@code <saeId>.crt} (the certificate, then the CA's) and
     * {@code <saeId>.key} into {@code directory}.
     *
     * @param directory where to write
     * @param saeId     the SAE ID (the certificate's CN)
     * @param validity  how long the certificate is valid
     * @return the certificate file
     * @throws IOException when a file cannot be written
     */
    public Path issueSae(final Path directory, final String saeId, final Duration validity) throws IOException {
        return issue(directory, saeId, "sdqkd SAE", List.of(), new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth},
            validity);
    }

    private Path issue(final Path directory, final String name, final String unit, final List<GeneralName> altNames,
            final KeyPurposeId[] purposes, final Duration validity) throws IOException {
        checkName(name);
        Files.createDirectories(directory);
        final Path certFile = directory.resolve(name + ".crt");
        final Path keyFile = directory.resolve(name + ".key");
        try {
            final KeyPair keys = newKeyPair();
            final Instant now = Instant.now();
            final X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject(name, unit),
                keys.getPublic());
            final JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(certificate));
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(altNames.toArray(GeneralName[]::new)));
            }
            final X509Certificate cert = sign(builder, privateKey);
            Pem.writePrivateKey(keyFile, keys.getPrivate());
            Pem.writeCertificates(certFile, List.of(cert, certificate));
            return certFile;
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IOException("cannot issue a certificate for " + name + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(final X509v3CertificateBuilder builder, final PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
            new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        final byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] &= 0x7f;
        return new BigInteger(1, bytes).max(BigInteger.ONE);
    }

    private static X500Name subject(final String commonName, final String unit) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "sdqkd").addRDN(BCStyle.OU, unit)
            .addRDN(BCStyle.CN, commonName).build();
    }

    private static boolean isAddress(final String host) {
        return IPV4.matcher(host).matches() || host.contains(":") && IPV6.matcher(host).matches();
    }

    private static void checkName(final String name) {
        if (!NAME.matcher(requireNonNull(name)).matches()) {
            throw new IllegalArgumentException("not a usable certificate name (letters, digits, . _ : @ -; "
                + "at most 128): " + name);
        }
    }
}
