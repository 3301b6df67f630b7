package org.sdqkd.qkd.node.impl.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.impl.kme.KmeServer;
import org.sdqkd.qkd.node.api.KmeSettings;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.qkd.node.api.RateSource;

/**
 * The hybrid SSH key exchange's ETSI GS QKD 014 key source against this module's KMEs on real key planes: the key the
 * master takes is the key the slave takes, once; an unknown key_ID, a used one, another master's, a key_ID asked
 * under the wrong master and an SAE certificate of another CA are refused (never a reason to fall back).
 */
@Timeout(60)
class Etsi014KeySourceOverKmeTest {
    @TempDir
    Path dir;

    private Planes planes;
    private KmeServer kmeA;
    private KmeServer kmeB;
    private CloseableKeySource master;
    private CloseableKeySource slave;
    private CloseableKeySource intruder;
    private TestPki pki;
    private URI urlB;

    @BeforeEach
    void start() throws Exception {
        pki = TestPki.create(dir, "Test CA");
        planes = new Planes(pki);
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 10_000);
        kmeA = KmeServer.start(KmeSettings.of("127.0.0.1", 0, pair.nodeA().tls()), pair.a());
        kmeB = KmeServer.start(KmeSettings.of("127.0.0.1", 0, pair.nodeB().tls()), pair.b());
        pair.awaitStored(100);
        final URI a = URI.create("https://127.0.0.1:" + kmeA.port());
        final URI b = URI.create("https://127.0.0.1:" + kmeB.port());
        urlB = b;
        master = QkdKeySources.etsi014(a, pki.sae("SAE_A").sslContext(), "SAE_A", Duration.ofSeconds(5));
        slave = QkdKeySources.etsi014(b, pki.sae("SAE_B").sslContext(), "SAE_B", Duration.ofSeconds(5));
        intruder = QkdKeySources.etsi014(b, pki.sae("SAE_C").sslContext(), "SAE_C", Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        master.close();
        slave.close();
        intruder.close();
        kmeA.close();
        kmeB.close();
        planes.close();
    }

    @Test
    void theSlaveTakesTheMastersKeyOnceByItsKeyId() throws Exception {
        final QkdKey sent = master.newKey("SAE_B");
        assertEquals(32, sent.length());
        final QkdKey got = slave.keyById("SAE_A", sent.id());
        assertArrayEquals(sent.material(), got.material());
        final QkdKeyException again = assertThrows(QkdKeyException.class, () -> slave.keyById("SAE_A", sent.id()));
        assertEquals(QkdKeyException.Reason.REFUSED, again.reason(), again.getMessage());
        assertTrue(again.getMessage().contains("HTTP 400"), again.getMessage());
    }

    @Test
    void unknownKeyIdsAndOtherSaesAreRefused() throws Exception {
        final QkdKeyException unknown = assertThrows(QkdKeyException.class,
            () -> slave.keyById("SAE_A", UUID.randomUUID()));
        assertEquals(QkdKeyException.Reason.REFUSED, unknown.reason(), unknown.getMessage());
        final QkdKey sent = master.newKey("SAE_B");
        final QkdKeyException notYours = assertThrows(QkdKeyException.class,
            () -> intruder.keyById("SAE_A", sent.id()));
        assertEquals(QkdKeyException.Reason.REFUSED, notYours.reason(), notYours.getMessage());
        // the key stays its owner's
        assertArrayEquals(sent.material(), slave.keyById("SAE_A", sent.id()).material());
    }

    @Test
    void aKeyIdAskedUnderTheWrongMasterIsRefused() throws Exception {
        final QkdKey sent = master.newKey("SAE_B");
        final QkdKeyException wrongMaster = assertThrows(QkdKeyException.class,
            () -> slave.keyById("SAE_C", sent.id()));
        assertEquals(QkdKeyException.Reason.REFUSED, wrongMaster.reason(), wrongMaster.getMessage());
        assertTrue(wrongMaster.getMessage().contains(sent.id().toString()), wrongMaster.getMessage());
        // the key stays for its slave asking under the right master
        assertArrayEquals(sent.material(), slave.keyById("SAE_A", sent.id()).material());
    }

    @Test
    void anSaeCertificateOfAnotherCaIsRefused() throws Exception {
        final Path otherDir = Files.createDirectories(dir.resolve("other"));
        final TestPki other = TestPki.create(otherDir, "Other CA");
        other.sae("SAE_B");
        // the other CA's SAE_B certificate and key, trusting this network's CA: only the KME can refuse it
        final TlsIdentity foreign = TlsIdentity.load(otherDir.resolve("SAE_B.crt"), otherDir.resolve("SAE_B.key"),
            pki.caFile());
        final QkdKey sent = master.newKey("SAE_B");
        try (CloseableKeySource impostor = QkdKeySources.etsi014(urlB, foreign.sslContext(), "SAE_B",
                Duration.ofSeconds(5))) {
            final QkdKeyException refused = assertThrows(QkdKeyException.class,
                () -> impostor.keyById("SAE_A", sent.id()));
            assertEquals(QkdKeyException.Reason.REFUSED, refused.reason(), refused.getMessage());
        }
        assertArrayEquals(sent.material(), slave.keyById("SAE_A", sent.id()).material());
    }
}
