package org.sdqkd.qkd.node.impl.routing;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The binary form of {@link RoutingMessage}s, big-endian: a version byte ({@link #VERSION}), a type byte, then
 * <ul>
 *   <li>hello (1): the origin (16 bytes);</li>
 *   <li>advertisement (2): the origin (16), the sequence (8, positive), the age in seconds (2, at most
 *       {@link #MAX_AGE_SECONDS}), the adjacency count (2, at most {@link #MAX_ADJACENCIES}), then per adjacency
 *       the neighbour (16) and the metric (4, 1 to {@link #MAX_METRIC}).</li>
 * </ul>
 * A message is at most {@link #MAX_MESSAGE} bytes. Decoding is strict: anything else is refused with the reason,
 * never with an exception.
 */
public final class RoutingCodec {
    /** The protocol version. */
    public static final int VERSION = 1;
    /** The largest message, in bytes. */
    public static final int MAX_MESSAGE = 8_192;
    /** The most adjacencies one advertisement may carry. */
    public static final int MAX_ADJACENCIES = 256;
    /** The largest finite metric. */
    public static final int MAX_METRIC = 1_000_000;
    /** The largest age, in seconds (one hour, as OSPF's MaxAge). */
    public static final int MAX_AGE_SECONDS = 3_600;

    private static final int HELLO = 1;
    private static final int ADVERTISEMENT = 2;
    private static final int UUID_BYTES = 16;
    private static final int ADJACENCY_BYTES = UUID_BYTES + 4;

    private RoutingCodec() {
    }

    /**
     * Encodes a message.
     *
     * @param message the message
     * @return its bytes, at most {@link #MAX_MESSAGE}
     */
    public static byte[] encode(final RoutingMessage message) {
        return switch (message) {
            case RoutingMessage.Hello hello -> header(2 + UUID_BYTES, HELLO).put(uuid(hello.origin())).array();
            case RoutingMessage.Advertisement lsa -> {
                final ByteBuffer out = header(2 + UUID_BYTES + 8 + 2 + 2 + ADJACENCY_BYTES * lsa.adjacencies().size(),
                    ADVERTISEMENT);
                out.put(uuid(lsa.origin())).putLong(lsa.sequence()).putShort((short) lsa.ageSeconds())
                    .putShort((short) lsa.adjacencies().size());
                for (RoutingMessage.Adjacency adjacency : lsa.adjacencies()) {
                    out.put(uuid(adjacency.neighbour())).putInt(adjacency.metric());
                }
                yield out.array();
            }
        };
    }

    /**
     * Decodes a message.
     *
     * @param bytes what arrived
     * @return the message, or the reason it is refused
     */
    public static Decoded decode(final byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            return new Decoded.Refused("message shorter than its 2-byte header");
        }
        if (bytes.length > MAX_MESSAGE) {
            return new Decoded.Refused("message of " + bytes.length + " bytes above the maximum " + MAX_MESSAGE);
        }
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            return new Decoded.Refused("unsupported version " + version + " (this node speaks " + VERSION + ")");
        }
        final int type = Byte.toUnsignedInt(in.get());
        try {
            final Decoded decoded = switch (type) {
                case HELLO -> new Decoded.Accepted(new RoutingMessage.Hello(readUuid(in)));
                case ADVERTISEMENT -> advertisement(in);
                default -> new Decoded.Refused("unknown message type " + type);
            };
            if (decoded instanceof Decoded.Accepted && in.hasRemaining()) {
                return new Decoded.Refused(in.remaining() + " bytes after the end of the message");
            }
            return decoded;
        } catch (BufferUnderflowException e) {
            return new Decoded.Refused("truncated message of " + bytes.length + " bytes");
        }
    }

    private static Decoded advertisement(final ByteBuffer in) {
        final UUID origin = readUuid(in);
        final long sequence = in.getLong();
        if (sequence < 1) {
            return new Decoded.Refused("sequence " + sequence + " below 1");
        }
        final int age = Short.toUnsignedInt(in.getShort());
        if (age > MAX_AGE_SECONDS) {
            return new Decoded.Refused("age " + age + " s above " + MAX_AGE_SECONDS);
        }
        final int count = Short.toUnsignedInt(in.getShort());
        if (count > MAX_ADJACENCIES) {
            return new Decoded.Refused(count + " adjacencies above " + MAX_ADJACENCIES);
        }
        if (in.remaining() != count * ADJACENCY_BYTES) {
            return new Decoded.Refused(count + " adjacencies need " + count * ADJACENCY_BYTES + " bytes, "
                + in.remaining() + " left");
        }
        final List<RoutingMessage.Adjacency> adjacencies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final UUID neighbour = readUuid(in);
            final int metric = in.getInt();
            if (metric < 1 || metric > MAX_METRIC) {
                return new Decoded.Refused("adjacency " + i + ": metric " + metric + " outside 1.." + MAX_METRIC);
            }
            if (neighbour.equals(origin)) {
                return new Decoded.Refused("adjacency " + i + " names the origin itself");
            }
            if (adjacencies.stream().anyMatch(a -> a.neighbour().equals(neighbour))) {
                return new Decoded.Refused("adjacency " + i + " names neighbour " + neighbour + " twice");
            }
            adjacencies.add(new RoutingMessage.Adjacency(neighbour, metric));
        }
        return new Decoded.Accepted(new RoutingMessage.Advertisement(origin, sequence, age, adjacencies));
    }

    private static ByteBuffer header(final int length, final int type) {
        return ByteBuffer.allocate(length).put((byte) VERSION).put((byte) type);
    }

    private static byte[] uuid(final UUID id) {
        return ByteBuffer.allocate(UUID_BYTES).putLong(id.getMostSignificantBits())
            .putLong(id.getLeastSignificantBits()).array();
    }

    private static UUID readUuid(final ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }

    /** The result of decoding. */
    public sealed interface Decoded {
        /**
         * A well-formed message.
         *
         * @param message the message
         */
        record Accepted(RoutingMessage message) implements Decoded {
        }

        /**
         * A refused message.
         *
         * @param reason why, in words
         */
        record Refused(String reason) implements Decoded {
        }
    }
}
