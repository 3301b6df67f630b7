package org.sdqkd.qkd.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.tls.api.TlsIdentity;

@Timeout(60)
class TlsIdentityTest {
    @TempDir
    Path dir;

    @Test
    void nodeAndSaeCertificatesCarryTheirNames() {
        final TestPki pki = TestPki.create(dir, "Test CA");
        final UUID nodeId = UUID.randomUUID();
        final TlsIdentity node = pki.node("Almagro", nodeId);
        final TlsIdentity sae = pki.sae("SAE_A");
        assertEquals(Optional.of("Almagro"), TlsIdentity.commonName(node.certificate()));
        assertEquals(Optional.of(nodeId), TlsIdentity.nodeId(node.certificate()));
        assertEquals(Optional.of("SAE_A"), TlsIdentity.commonName(sae.certificate()));
        assertEquals(Optional.empty(), TlsIdentity.nodeId(sae.certificate()));
    }

    @Test
    void mutualTlsSucceedsWithinOneCaAndFailsAcrossTwo() throws Exception {
        final TestPki pki = TestPki.create(dir.resolve("one"), "CA one");
        final TestPki other = TestPki.create(dir.resolve("two"), "CA two");
        final TlsIdentity server = pki.node("Norte", UUID.randomUUID());
        assertEquals("SAE_B", handshake(server, pki.sae("SAE_B")));
        assertThrows(IOException.class, () -> handshake(server, other.sae("SAE_X")));
    }

    @Test
    void refusesAKeyThatIsNotTheCertificates() {
        final TestPki pki = TestPki.create(dir, "Test CA");
        pki.sae("SAE_A");
        pki.sae("SAE_B");
        assertThrows(IOException.class, () -> TlsIdentity.load(dir.resolve("SAE_A.crt"), dir.resolve("SAE_B.key"),
            pki.caFile()));
    }

    @Test
    void neverReplacesAnExistingKey() {
        final TestPki pki = TestPki.create(dir, "Test CA");
        pki.sae("SAE_A");
        assertThrows(RuntimeException.class, () -> pki.sae("SAE_A"));
        assertThrows(IOException.class, () -> CertificateAuthority.create(dir, "Again", java.time.Duration.ofDays(1)));
    }

    /** Runs one mutual TLS handshake and returns the client's CN as the server saw it. */
    private static String handshake(final TlsIdentity server, final TlsIdentity client) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.sslContext().getServerSocketFactory()
                .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            final CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                    final String cn = TlsIdentity.commonName((java.security.cert.X509Certificate)
                        accepted.getSession().getPeerCertificates()[0]).orElseThrow();
                    accepted.getOutputStream().write(1);
                    return cn;
                } catch (IOException e) {
                    return "failed: " + e;
                }
            });
            try (SSLSocket socket = (SSLSocket) client.sslContext().getSocketFactory()
                    .createSocket(listener.getInetAddress(), listener.getLocalPort())) {
                socket.startHandshake();
                new DataInputStream(socket.getInputStream()).readByte();
            } catch (SSLHandshakeException e) {
                seen.get(10, TimeUnit.SECONDS);
                throw e;
            }
            return seen.get(10, TimeUnit.SECONDS);
        }
    }
}
