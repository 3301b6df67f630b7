package org.sdqkd.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * The drivers' PKI: the node's own {@link CertificateAuthority} in a temporary directory, valid for a day, issuing node
 * certificates for 127.0.0.1 and SAE certificates, each loaded as the {@link TlsIdentity} the node and its clients use.
 */
public final class BenchPki {
    private static final Duration VALIDITY = Duration.ofDays(1);

    private final Path directory;
    private final CertificateAuthority ca;

    private BenchPki(final Path directory, final CertificateAuthority ca) {
        this.directory = directory;
        this.ca = ca;
    }

    /**
     * Creates the CA.
     *
     * @param directory an empty or missing directory
     * @return the PKI
     * @throws IOException when the files cannot be written
     */
    public static BenchPki create(final Path directory) throws IOException {
        return new BenchPki(directory, CertificateAuthority.create(directory, "bench CA", VALIDITY));
    }

    /**
     * Issues a node's certificate for 127.0.0.1.
     *
     * @param name   the node's name
     * @param nodeId its {@code qkdn_id}
     * @return its identity
     * @throws IOException when the files cannot be written or read
     */
    public TlsIdentity node(final String name, final UUID nodeId) throws IOException {
        ca.issueNode(directory, name, nodeId, Set.of("127.0.0.1", "localhost"), VALIDITY);
        return load(name);
    }

    /**
     * Issues an SAE's certificate.
     *
     * @param saeId the SAE ID, the certificate's CN
     * @return its identity
     * @throws IOException when the files cannot be written or read
     */
    public TlsIdentity sae(final String saeId) throws IOException {
        ca.issueSae(directory, saeId, VALIDITY);
        return load(saeId);
    }

    private TlsIdentity load(final String name) throws IOException {
        return TlsIdentity.load(directory.resolve(name + ".crt"), directory.resolve(name + ".key"),
            directory.resolve(CertificateAuthority.CA_CERT));
    }
}
