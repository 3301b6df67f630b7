package org.sdqkd.qkd.node.impl.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.impl.kme.KmeServer;
import org.sdqkd.qkd.node.impl.kme.KmeSettings;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySources;

/**
 * The hybrid SSH key exchange's ETSI GS QKD 014 key source against this module's KMEs on real key planes: the key the
 * master takes is the key the slave takes, once; an unknown key_ID, a used one and another master's are refused.
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

    @BeforeEach
    void start() throws Exception {
        final TestPki pki = TestPki.create(dir, "Test CA");
        planes = new Planes(pki);
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 10_000);
        kmeA = KmeServer.start(KmeSettings.of("127.0.0.1", 0, pair.nodeA().tls()), pair.a());
        kmeB = KmeServer.start(KmeSettings.of("127.0.0.1", 0, pair.nodeB().tls()), pair.b());
        pair.awaitStored(100);
        final URI a = URI.create("https://127.0.0.1:" + kmeA.port());
        final URI b = URI.create("https://127.0.0.1:" + kmeB.port());
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
}
