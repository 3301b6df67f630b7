package org.sdqkd.qkd.node.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * A PKI for tests in a directory of their own: one CA, and node and SAE identities issued on demand (files
 * {@code <name>.crt}/{@code <name>.key} beside {@code ca.crt}).
 */
public final class TestPki {
    private static final Duration VALIDITY = Duration.ofDays(1);

    private final Path directory;
    private final CertificateAuthority ca;

    private TestPki(final Path directory, final CertificateAuthority ca) {
        this.directory = directory;
        this.ca = ca;
    }

    /**
     * Creates a CA in {@code directory}.
     *
     * @param directory an empty directory (a JUnit {@code @TempDir})
     * @param name      the CA's name
     * @return the PKI
     */
    public static TestPki create(final Path directory, final String name) {
        try {
            return new TestPki(directory, CertificateAuthority.create(directory, name, VALIDITY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of the files. */
    public Path directory() {
        return directory;
    }

    /** The CA certificate file. */
    public Path caFile() {
        return directory.resolve(CertificateAuthority.CA_CERT);
    }

    /** Issues a node certificate for 127.0.0.1 and localhost and loads it. */
    public TlsIdentity node(final String name, final UUID nodeId) {
        try {
            ca.issueNode(directory, name, nodeId, Set.of("127.0.0.1", "localhost"), VALIDITY);
            return identity(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Issues an SAE certificate and loads it. */
    public TlsIdentity sae(final String saeId) {
        try {
            ca.issueSae(directory, saeId, VALIDITY);
            return identity(saeId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the identity issued before under {@code name}. */
    public TlsIdentity identity(final String name) {
        try {
            return TlsIdentity.load(directory.resolve(name + ".crt"), directory.resolve(name + ".key"), caFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
