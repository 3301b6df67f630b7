package org.sdqkd.qkd.node.impl.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingCodecTest {
    private static final UUID ORIGIN = new UUID(1, 1);
    private static final UUID OTHER = new UUID(1, 2);

    @Test
    void roundTripsBothMessages() {
        final RoutingMessage hello = new RoutingMessage.Hello(ORIGIN);
        assertEquals(new RoutingCodec.Decoded.Accepted(hello), RoutingCodec.decode(RoutingCodec.encode(hello)));
        final RoutingMessage lsa = new RoutingMessage.Advertisement(ORIGIN, 7, 12,
            List.of(new RoutingMessage.Adjacency(OTHER, 10), new RoutingMessage.Adjacency(new UUID(3, 3), 1000)));
        final byte[] bytes = RoutingCodec.encode(lsa);
        assertEquals(2 + 16 + 8 + 2 + 2 + 2 * 20, bytes.length);
        assertEquals(new RoutingCodec.Decoded.Accepted(lsa), RoutingCodec.decode(bytes));
    }

    @Test
    void theLargestAdvertisementFitsTheBound() {
        final List<RoutingMessage.Adjacency> many = new ArrayList<>();
        for (int i = 0; i < RoutingCodec.MAX_ADJACENCIES; i++) {
            many.add(new RoutingMessage.Adjacency(new UUID(2, i), RoutingCodec.MAX_METRIC));
        }
        final byte[] bytes = RoutingCodec.encode(new RoutingMessage.Advertisement(ORIGIN, Long.MAX_VALUE,
            RoutingCodec.MAX_AGE_SECONDS, many));
        assertTrue(bytes.length <= RoutingCodec.MAX_MESSAGE);
        assertInstanceOf(RoutingCodec.Decoded.Accepted.class, RoutingCodec.decode(bytes));
    }

    @Test
    void refusesEachMalformedMessageWithItsReason() {
        final byte[] hello = RoutingCodec.encode(new RoutingMessage.Hello(ORIGIN));
        assertRefused("message shorter than its 2-byte header", new byte[] {1});
        assertRefused("message of 8193 bytes above the maximum 8192", new byte[RoutingCodec.MAX_MESSAGE + 1]);
        assertRefused("unsupported version 2 (this node speaks 1)", new byte[] {2, 1});
        assertRefused("unknown message type 0", new byte[] {1, 0});
        assertRefused("truncated message of 17 bytes", Arrays.copyOf(hello, 17));
        assertRefused("1 bytes after the end of the message", Arrays.copyOf(hello, hello.length + 1));
        assertRefused("sequence 0 below 1", lsa(0, 0, 1, OTHER, 10));
        assertRefused("sequence -1 below 1", lsa(-1, 0, 1, OTHER, 10));
        assertRefused("age 3601 s above 3600", lsa(1, 3601, 1, OTHER, 10));
        assertRefused("257 adjacencies above 256", lsa(1, 0, 257, OTHER, 10));
        assertRefused("2 adjacencies need 40 bytes, 20 left", lsa(1, 0, 2, OTHER, 10));
        assertRefused("adjacency 0: metric 0 outside 1..1000000", lsa(1, 0, 1, OTHER, 0));
        assertRefused("adjacency 0: metric -1 outside 1..1000000", lsa(1, 0, 1, OTHER, -1));
        assertRefused("adjacency 0 names the origin itself", lsa(1, 0, 1, ORIGIN, 10));
        final byte[] twice = ByteBuffer.allocate(30 + 40).put(Arrays.copyOf(lsa(1, 0, 2, OTHER, 10), 50))
            .put(Arrays.copyOfRange(lsa(1, 0, 1, OTHER, 10), 30, 50)).array();
        assertRefused("adjacency 1 names neighbour " + OTHER + " twice", twice);
    }

    @Test
    void randomBytesAreRefusedNeverThrown() {
        final Random random = new Random(16);
        final byte[] valid = RoutingCodec.encode(new RoutingMessage.Advertisement(ORIGIN, 3, 0,
            List.of(new RoutingMessage.Adjacency(OTHER, 10))));
        for (int i = 0; i < 20_000; i++) {
            final byte[] bytes = i % 2 == 0 ? new byte[random.nextInt(64)] : valid.clone();
            if (i % 2 == 0) {
                random.nextBytes(bytes);
            } else {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            final RoutingCodec.Decoded decoded = RoutingCodec.decode(bytes);
            if (decoded instanceof RoutingCodec.Decoded.Accepted accepted) {
                assertTrue(Arrays.equals(bytes, RoutingCodec.encode(accepted.message())), "canonical form");
            }
        }
    }

    private static byte[] lsa(final long sequence, final int age, final int count, final UUID neighbour,
            final int metric) {
        return ByteBuffer.allocate(50).put((byte) 1).put((byte) 2).putLong(ORIGIN.getMostSignificantBits())
            .putLong(ORIGIN.getLeastSignificantBits()).putLong(sequence).putShort((short) age)
            .putShort((short) count).putLong(neighbour.getMostSignificantBits())
            .putLong(neighbour.getLeastSignificantBits()).putInt(metric).array();
    }

    private static void assertRefused(final String reason, final byte[] bytes) {
        assertEquals(new RoutingCodec.Decoded.Refused(reason), RoutingCodec.decode(bytes));
    }
}
