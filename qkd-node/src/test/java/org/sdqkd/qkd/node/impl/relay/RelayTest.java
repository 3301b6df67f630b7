package org.sdqkd.qkd.node.impl.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.keys.LinkUnits;
import org.sdqkd.qkd.node.impl.relay.channel.ChannelHandler;
import org.sdqkd.qkd.node.impl.relay.channel.KmeChannel;

/** The relay over Norte - Almagro - Concepcion: keys equal at both ends, refusals, untrusted nodes. */
final class RelayTest {
    private static final int KEYS = 10_000;

    @TempDir
    Path dir;

    @Test
    void tenThousandKeysArriveByteForByteAndAlmagroNeverHoldsOrLogsOne() throws Exception {
        final PrintStream original = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final List<byte[]> sent = new ArrayList<>();
        final UUID association = UUID.randomUUID();
        try (RelayNetwork net = new RelayNetwork(dir, List.of("Norte", "Almagro", "Concepcion"),
                List.of(true, true, true))) {
            net.relays.forEach(relay -> relay.applyRoutes(List.of(net.route(association))));
            net.awaitUnits(2_000);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int done = 0;
            while (done < KEYS) {
                final int sentNow = net.relays.get(0).originate(association, Math.min(1_000, KEYS - done));
                done += sentNow;
                if (sentNow == 0) {
                    Thread.sleep(5);
                }
            }
            final E2eKeys norte = net.relays.get(0).keys(association).orElseThrow();
            final E2eKeys concepcion = net.relays.get(2).keys(association).orElseThrow();
            try {
                RelayNetwork.await("10,000 keys at Concepcion", () -> concepcion.size() == KEYS,
                    java.time.Duration.ofMinutes(3));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": counters " + net.relays.stream()
                    .map(RelayNode::counters).toList() + ", log " + lastLines(captured), e);
            }
            assertEquals(KEYS, norte.size());
            assertTrue(net.relays.get(1).keys(association).isEmpty(), "Almagro buffers no e2e key");
            assertEquals(new RelayCounters(0, KEYS, 0, 0, 0), net.relays.get(1).counters());
            assertEquals(KEYS, net.relays.get(2).counters().delivered());
            for (int i = 0; i < KEYS; i++) {
                final Map.Entry<UUID, KeyBytes> atSource = norte.takeOldest().orElseThrow();
                final KeyBytes atDestination = concepcion.take(atSource.getKey()).orElseThrow();
                assertArrayEquals(atSource.getValue().bytes(), atDestination.bytes(), "key " + i);
                assertEquals(32, atDestination.length());
                sent.add(atSource.getValue().bytes().clone());
            }
            assertEquals(0, concepcion.size());
        } finally {
            System.setErr(original);
        }
        final String log = captured.toString(StandardCharsets.UTF_8);
        for (byte[] key : sent) {
            assertFalse(log.contains(HexFormat.of().formatHex(key)), "a key in hex in the log");
            assertFalse(log.contains(Base64.getEncoder().encodeToString(key)), "a key in base64 in the log");
        }
    }

    @Test
    void wrongMacReplayedSequenceAndUnknownPathAreRefused() throws Exception {
        final UUID association = UUID.randomUUID();
        final PrintStream original = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (RelayNetwork net = new RelayNetwork(dir, List.of("Norte", "Almagro", "Concepcion"),
                List.of(true, true, true))) {
            net.relays.forEach(relay -> relay.applyRoutes(List.of(net.route(association))));
            net.awaitUnits(100);
            final RelayNode almagro = net.relays.get(1);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (KmeChannel asNorte = KmeChannel.connect(net.settings(0),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), almagro.port()), net.id(1), silent())) {
                final List<UUID> path = net.route(association).path();
                asNorte.send(RelayMessage.TYPE, message(net, 0, association, path, true));
                asNorte.send(RelayMessage.TYPE, message(net, 0, association, path, false));
                RelayNetwork.await("the valid message relayed", () -> almagro.counters().relayed() == 1);
                asNorte.send(RelayMessage.TYPE, message(net, 0, association, path, false));
                asNorte.send(RelayMessage.TYPE, message(net, 1, UUID.randomUUID(), path, false));
                asNorte.send(RelayMessage.TYPE, message(net, 1, association,
                    List.of(net.id(0), net.id(1), UUID.randomUUID()), false));
                asNorte.send(RelayMessage.TYPE, new byte[] {1, 2, 3});
                RelayNetwork.await("five refusals", () -> almagro.counters().refused() == 5);
            }
            assertEquals(1, almagro.counters().relayed());
            RelayNetwork.await("one key at Concepcion", () -> net.relays.get(2).counters().delivered() == 1);
        } finally {
            System.setErr(original);
        }
        final String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("refused: wrong MAC"), log);
        assertTrue(log.contains("refused: sequence 0 where 1 was expected"), log);
        assertTrue(log.contains("refused: unknown path"), log);
        assertTrue(log.contains("refused: malformed"), log);
    }

    @Test
    void aNodeThatIsNotATrustedRelayNeverRelays() throws Exception {
        final UUID association = UUID.randomUUID();
        try (RelayNetwork net = new RelayNetwork(dir, List.of("Norte", "Almagro", "Concepcion"),
                List.of(true, false, true))) {
            final RelayNode almagro = net.relays.get(1);
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> almagro.applyRoutes(List.of(net.route(association))));
            assertTrue(e.getMessage().contains("not a trusted relay"), e.getMessage());
            net.relays.get(0).applyRoutes(List.of(net.route(association)));
            net.relays.get(2).applyRoutes(List.of(net.route(association)));
            net.awaitUnits(10);
            assertEquals(1, net.relays.get(0).originate(association, 1));
            RelayNetwork.await("the refusal", () -> almagro.counters().refused() == 1);
            assertEquals(0, almagro.counters().relayed());
            assertEquals(0, net.relays.get(2).keys(association).orElseThrow().size());
        }
    }

    /** A relay message from Norte to Almagro with fresh units of their link; {@code badMac} flips a MAC bit. */
    private static byte[] message(final RelayNetwork net, final long sequence, final UUID association,
            final List<UUID> path, final boolean badMac) throws Exception {
        final LinkUnits units = net.planes.get(0).takeRelayUnits(net.id(1), 2).orElseThrow();
        final byte[] ciphertext = new byte[32];
        final RelayMessage unsigned = new RelayMessage(sequence, association, UUID.randomUUID(), 1, path,
            units.link(), units.unitIds().get(0), units.unitIds().get(1), ciphertext, new byte[32]);
        final Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(units.bytes(), 32, 32, "HmacSHA256"));
        final byte[] mac = hmac.doFinal(unsigned.authenticated());
        if (badMac) {
            mac[0] ^= 1;
        }
        units.erase();
        return new RelayMessage(sequence, association, unsigned.keyId(), 1, path, units.link(),
            unsigned.padUnit(), unsigned.macUnit(), ciphertext, mac).encode();
    }

    private static String lastLines(final ByteArrayOutputStream captured) {
        final String log = captured.toString(StandardCharsets.UTF_8);
        return log.substring(Math.max(0, log.length() - 3000));
    }

    private static ChannelHandler silent() {
        return new ChannelHandler() {
            @Override
            public void onMessage(final KmeChannel channel, final int type, final byte[] payload) {
                // Almagro sends nothing back
            }

            @Override
            public void onClose(final KmeChannel channel, final String reason) {
                // the test closes it
            }
        };
    }
}
