package org.sdqkd.opot.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PathTest {
    private static final byte[] HELLO = "hello, my friend".getBytes(StandardCharsets.US_ASCII);

    @Test
    void randomSchemesVerifyEveryPacketThatCrossesEveryNodeInOrder() throws Rejection {
        final Random random = new Random(1);
        for (int round = 0; round < 60; round++) {
            final int k = 2 + round % 7;
            final PrimeField field = PrimeField.random(31 + round % 34, random);
            final TestPath path = new TestPath(Scheme.generate(k, field, round % 2 == 0, random), random,
                round % 3 == 0 ? OutOfRange.REDUCE : OutOfRange.REJECT);
            for (int n = 0; n < 20; n++) {
                final byte[] message = Arrays.copyOf(HELLO, n);
                assertArrayEquals(message, path.send(path.ingress.wrap(message, random), path.inOrder()));
            }
        }
    }

    @Test
    void generatedSchemesHaveDistinctPointsSpreadOverTheWholeField() {
        final Random random = new Random(2);
        final PrimeField field = PrimeField.random(64, random);
        final Scheme scheme = Scheme.generate(8, field, true, random);
        long largest = 0;
        final Set<Long> points = new java.util.HashSet<>();
        for (int i = 1; i <= 8; i++) {
            assertNotEquals(0, scheme.point(i));
            assertTrue(field.contains(scheme.point(i)));
            points.add(scheme.point(i));
            largest = Math.max(largest, scheme.point(i) >>> 32);
            assertEquals(field.add(scheme.secretPolynomialAt(i), scheme.publicPolynomialAt(i)), scheme.node(i).share());
        }
        assertEquals(8, points.size());
        assertTrue(largest > 0, "points above 2^32 in a 64-bit field");
        long sum = 0;
        for (int i = 1; i <= 8; i++) {
            sum = field.add(sum, scheme.node(i).lpc());
        }
        assertEquals(1, sum, "Lagrange coefficients at 0 sum to 1");
    }

    @ParameterizedTest
    @EnumSource(OutOfRange.class)
    void refusesAPacketThatSkipsANode(final OutOfRange rule) throws Rejection {
        final Random random = new Random(3);
        for (int bits : new int[] {32, 64}) {
            final TestPath path = new TestPath(Scheme.generate(5, PrimeField.random(bits, random), true, random),
                random, rule);
            for (int skipped = 2; skipped <= 4; skipped++) {
                final int[] order = path.inOrder();
                final int drop = skipped;
                final int[] route = Arrays.stream(order).filter(n -> n != drop).toArray();
                final byte[] packet = path.ingress.wrap(HELLO, random);
                final Rejection e = assertThrows(Rejection.class, () -> path.send(packet, route));
                assertTrue(Set.of(Rejection.Reason.PROOF_FAILED, Rejection.Reason.OUT_OF_RANGE).contains(e.reason()));
            }
        }
    }

    @Test
    void refusesAPacketWhoseNodesAreSwapped() throws Rejection {
        final Random random = new Random(4);
        final TestPath path = new TestPath(Scheme.generate(4, PrimeField.random(32, random), false, random), random,
            OutOfRange.REDUCE);
        for (int i = 0; i < 50; i++) {
            final byte[] packet = path.ingress.wrap(HELLO, random);
            final Rejection e = assertThrows(Rejection.class, () -> path.send(packet, 3, 2));
            assertEquals(Rejection.Reason.PROOF_FAILED, e.reason());
        }
    }

    @Test
    void refusesATamperedPacketOnAnyBitOfCmlOrRnd() throws Rejection {
        final Random random = new Random(5);
        for (int bits : new int[] {31, 64}) {
            final TestPath path = new TestPath(Scheme.generate(3, PrimeField.random(bits, random), true, random),
                random, OutOfRange.REDUCE);
            final int width = path.field.fieldBytes();
            for (int bit = 0; bit < 2 * 8 * width; bit++) {
                final byte[] packet = path.ingress.wrap(HELLO, random);
                packet[2 + bit / 8] ^= (byte) (1 << bit % 8);
                assertThrows(Rejection.class, () -> path.send(packet, 2), "bit " + bit);
            }
            final byte[] packet = path.ingress.wrap(HELLO, random);
            packet[packet.length - MessageBinding.TRAILER - 1] ^= 1;
            assertEquals(Rejection.Reason.BAD_BINDING, assertThrows(Rejection.class, () -> path.send(packet, 2))
                .reason(), "a changed message");
        }
    }

    @Test
    void refusesAPacketMaskedWithAWrongKey() throws Rejection {
        final Random random = new Random(6);
        final TestPath path = new TestPath(Scheme.generate(3, PrimeField.random(40, random), true, random), random,
            OutOfRange.REDUCE);
        final TransitNode wrongKeys = path.node(2, path.links.get(0),
            MaskRing.of(0, TestPath.randomMasks(path.field, random)));
        for (int i = 0; i < 50; i++) {
            final byte[] packet = path.ingress.wrap(HELLO, random);
            wrongKeys.transit(packet, 0, packet.length);
            assertEquals(Rejection.Reason.PROOF_FAILED,
                assertThrows(Rejection.class, () -> path.verifier.verify(packet, 0, packet.length)).reason());
        }
    }

    @Test
    void refusesAReplayedPacketAndAProofAttachedToAnotherMessage() throws Rejection {
        final Random random = new Random(7);
        final TestPath path = new TestPath(Scheme.generate(3, PrimeField.random(32, random), false, random), random,
            OutOfRange.REJECT);
        final byte[] packet = path.ingress.wrap(HELLO, random);
        path.transit.get(0).transit(packet, 0, packet.length);
        final byte[] captured = packet.clone();
        assertArrayEquals(HELLO, path.verifier.verify(packet, 0, packet.length));
        assertEquals(Rejection.Reason.REPLAYED,
            assertThrows(Rejection.class, () -> path.verifier.verify(captured, 0, captured.length)).reason());

        final byte[] next = path.ingress.wrap(HELLO, random);
        path.transit.get(0).transit(next, 0, next.length);
        final byte[] forged = next.clone();
        final byte[] other = "pay mallory 100".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(other, 0, forged, 11, other.length);
        assertEquals(Rejection.Reason.BAD_BINDING,
            assertThrows(Rejection.class, () -> path.verifier.verify(forged, 0, forged.length)).reason());
        assertArrayEquals(HELLO, path.verifier.verify(next, 0, next.length), "the original still verifies");
    }

    @Test
    void rotatesMasksAndProfilesWithoutLosingPacketsInFlight() throws Rejection {
        final Random random = new Random(8);
        final PrimeField field = PrimeField.random(48, random);
        final TestPath path = new TestPath(Scheme.generate(4, field, true, random), random, OutOfRange.REJECT);
        final byte[] inFlight = path.ingress.wrap(HELLO, random);
        for (MaskRing link : path.links) {
            link.install(1, TestPath.randomMasks(field, random));
        }
        final Scheme next = Scheme.generate(4, field, true, random);
        for (int i = 1; i <= 4; i++) {
            path.profiles.get(i - 1).install(1, next.node(i), i == 4 ? next.secret() : 0);
        }
        path.ingress.use(1, 1);
        final byte[] rotated = path.ingress.wrap(HELLO, random);
        assertEquals(0x81, WireFormat.seq(field, rotated, 0));
        assertArrayEquals(HELLO, path.send(rotated, path.inOrder()));
        assertArrayEquals(HELLO, path.send(inFlight, path.inOrder()), "a packet of the old epoch and profile");
        final byte[] late = path.ingress.wrap(HELLO, random);
        path.ingress.use(0, 0);
        final byte[] old = path.ingress.wrap(HELLO, random);
        for (MaskRing link : path.links) {
            link.retire(0);
        }
        assertEquals(Rejection.Reason.UNKNOWN_EPOCH,
            assertThrows(Rejection.class, () -> path.send(old, path.inOrder())).reason());
        assertArrayEquals(HELLO, path.send(late, path.inOrder()));
    }

    @Test
    void refusesMalformedPayloads() {
        final PrimeField field = PaperExampleTest.FIELD;
        final TransitNode node = new TransitNode(field, ProfilePair.of(0, PaperExampleTest.scheme().node(2)),
            MaskRing.of(0, PaperExampleTest.link(1)), MaskRing.of(0, PaperExampleTest.link(2)), OutOfRange.REJECT);
        assertEquals(Rejection.Reason.MALFORMED,
            assertThrows(Rejection.class, () -> node.transit(new byte[10], 0, 10)).reason());
        final byte[] wrongType = new byte[20];
        wrongType[0] = 0x07;
        assertEquals(Rejection.Reason.MALFORMED,
            assertThrows(Rejection.class, () -> node.transit(wrongType, 0, 20)).reason());
    }
}
