package org.sdqkd.qkd.node.impl.kme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.MASTER;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.SLAVE;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.testing.KmeClient;
import org.sdqkd.qkd.node.testing.KmeClientException;
import org.sdqkd.qkd.node.testing.TestPki;

/** Who may call the KME: only holders of SAE certificates of the network's CA. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KmeTlsTest {
    @TempDir
    Path directory;
    @TempDir
    Path otherDirectory;

    private KmeFixture kme;

    @BeforeEach
    void start() {
        kme = new KmeFixture(directory);
    }

    @AfterEach
    void stop() {
        kme.close();
    }

    @Test
    void aRequestWithoutCertificateGets401() throws Exception {
        final TlsIdentity any = kme.sae(MASTER);
        try (KmeClient anonymous = KmeClient.connect(kme.uri(), context(null, any))) {
            final KmeClientException refused = assertThrows(KmeClientException.class, () -> anonymous.status(SLAVE));
            assertEquals(401, refused.status());
            assertEquals("a client certificate is required (the SAE's, issued by the network's CA)",
                refused.errorMessage());
            assertEquals(401, anonymous.exchange("GET", "/no/such/path", null).status());
        }
    }

    @Test
    void aCertificateOfAnotherCaFailsTheHandshake() throws Exception {
        final TlsIdentity stranger = TestPki.create(otherDirectory, "Other CA").sae(MASTER);
        try (KmeClient client = KmeClient.connect(kme.uri(), context(stranger, kme.sae(MASTER)))) {
            assertThrows(IOException.class, () -> client.status(SLAVE));
        }
        // the same SAE ID with the network's certificate is served
        assertEquals(MASTER, kme.client(MASTER).status(SLAVE).masterSaeId());
    }

    @Test
    void aNodeCertificateIsNoSaeIdentity() throws Exception {
        final TlsIdentity node = kme.pki().node("node-b", UUID.randomUUID());
        try (KmeClient client = KmeClient.connect(kme.uri(), node)) {
            final KmeClientException refused = assertThrows(KmeClientException.class,
                () -> client.encKeys(SLAVE, 1, 256, List.of()));
            assertEquals(401, refused.status());
            assertEquals("a node certificate is not an SAE identity", refused.errorMessage());
        }
    }

    /**
     * A TLS context that trusts {@code trusted}'s CA and presents {@code identity}'s certificate whatever CAs the
     * server names (the JDK would otherwise send none of another CA); no certificate when null.
     */
    private static SSLContext context(final TlsIdentity identity, final TlsIdentity trusted)
            throws GeneralSecurityException {
        final TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted.trustStore());
        final SSLContext context = SSLContext.getInstance("TLS");
        if (identity == null) {
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity.keyStore(), identity.keyStorePassword().toCharArray());
        final X509KeyManager manager = (X509KeyManager) keys.getKeyManagers()[0];
        final String alias = identity.keyStore().aliases().nextElement();
        context.init(new X509ExtendedKeyManager[] {new AlwaysPresent(manager, alias)}, trust.getTrustManagers(),
            null);
        return context;
    }

    /** A key manager that presents its one certificate to any server. */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509KeyManager delegate;
        private final String alias;

        AlwaysPresent(final X509KeyManager delegate, final String alias) {
            this.delegate = delegate;
            this.alias = alias;
        }

        @Override
        public String[] getClientAliases(final String keyType, final Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String chooseClientAlias(final String[] keyType, final Principal[] issuers, final Socket socket) {
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(final String[] keyType, final Principal[] issuers,
                final SSLEngine engine) {
            return alias;
        }

        @Override
        public String[] getServerAliases(final String keyType, final Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(final String keyType, final Principal[] issuers, final Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(final String name) {
            return delegate.getCertificateChain(name);
        }

        @Override
        public PrivateKey getPrivateKey(final String name) {
            return delegate.getPrivateKey(name);
        }
    }
}
