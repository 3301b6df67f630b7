package org.sdqkd.qkd.node.impl.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.RateSource;

/** The key plane's log (slf4j-simple on standard error in tests) never shows key bytes. */
@Timeout(60)
class KeyLoggingTest {
    @TempDir
    Path dir;

    @Test
    void logsCarryNoKeyBytes() throws Exception {
        final PrintStream original = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final List<DeliveredKey> keys;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Planes planes = new Planes(TestPki.create(dir, "Test CA"))) {
            final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 2_000);
            pair.awaitStored(200);
            keys = pair.a().encKeys("SAE_A", List.of("SAE_B"), 20, 256);
            pair.b().decKeys("SAE_B", "SAE_A", keys.stream().map(DeliveredKey::keyId).toList());
            KeyDeliveryTest.assertKind(KeyDeliveryException.Kind.BAD_REQUEST, () -> pair.b().decKeys("SAE_B",
                "SAE_A", keys.stream().map(DeliveredKey::keyId).toList()));
            pair.b().link(pair.link()).breakChannel();
            pair.awaitCondition(LinkState.Condition.UP);
        } finally {
            System.setErr(original);
        }
        final String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("reconciled"), "the capture saw the key plane's log");
        for (DeliveredKey key : keys) {
            final byte[] bytes = key.key().bytes();
            assertFalse(log.contains(HexFormat.of().formatHex(bytes)));
            assertFalse(log.toLowerCase(java.util.Locale.ROOT).contains(HexFormat.of().formatHex(bytes, 0, 8)));
            assertFalse(log.contains(Base64.getEncoder().encodeToString(bytes).substring(0, 12)));
        }
    }
}
