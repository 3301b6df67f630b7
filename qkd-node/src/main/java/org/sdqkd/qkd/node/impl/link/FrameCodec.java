package org.sdqkd.qkd.node.impl.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.sdqkd.qkd.node.api.KeyBytes;

/**
 * Writes and reads {@link Frame}s: a 4-byte length, then a type byte and the body, at most {@link #MAX_FRAME}
 * bytes. Buffers that held key bytes are zeroed after use.
 */
public final class FrameCodec {
    /** The protocol version a {@link Frame.Hello} carries. */
    public static final int VERSION = 1;
    /** The largest frame body, in bytes. */
    public static final int MAX_FRAME = 1 << 20;
    /** The most units one block may carry so that it fits a frame. */
    public static final int MAX_UNITS_PER_BLOCK = 16_384;
    /** The most IDs one inventory frame may carry so that it fits a frame. */
    public static final int MAX_IDS_PER_INVENTORY = 32_768;
    /** The bytes of one key unit. */
    public static final int UNIT_BYTES = 32;

    private static final int HELLO = 1;
    private static final int STATE = 2;
    private static final int BLOCK = 3;
    private static final int ACK = 4;
    private static final int INVENTORY = 5;
    private static final int RESERVE = 6;
    private static final int RESERVE_REPLY = 7;
    private static final int CONFIRM = 8;

    private FrameCodec() {
    }

    /**
     * Writes one frame (not flushed).
     *
     * @param out   the stream
     * @param frame the frame
     * @throws IOException when the stream fails or the frame is too large
     */
    public static void write(final DataOutputStream out, final Frame frame) throws IOException {
        final ErasableBuffer buffer = new ErasableBuffer();
        try {
            encode(new DataOutputStream(buffer), frame);
            if (buffer.size() > MAX_FRAME) {
                throw new IOException("frame of " + buffer.size() + " bytes above the maximum " + MAX_FRAME);
            }
            out.writeInt(buffer.size());
            buffer.writeTo(out);
        } finally {
            buffer.erase();
        }
    }

    /**
     * Reads one frame.
     *
     * @param in the stream
     * @return the frame
     * @throws IOException when the stream fails or ends, or the frame is malformed or too large
     */
    public static Frame read(final DataInputStream in) throws IOException {
        final int length = in.readInt();
        if (length < 1 || length > MAX_FRAME) {
            throw new IOException("frame length " + length + " outside 1.." + MAX_FRAME);
        }
        final byte[] body = new byte[length];
        try {
            in.readFully(body);
            final DataInputStream data = new DataInputStream(new ByteArrayInputStream(body));
            final Frame frame = decode(data);
            if (data.available() > 0) {
                throw new IOException("frame has " + data.available() + " bytes after its end");
            }
            return frame;
        } catch (EOFException e) {
            throw new IOException("truncated frame", e);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private static void encode(final DataOutputStream out, final Frame frame) throws IOException {
        switch (frame) {
            case Frame.Hello hello -> {
                out.writeByte(HELLO);
                out.writeByte(hello.version());
                writeUuid(out, hello.linkId());
            }
            case Frame.State state -> {
                out.writeByte(STATE);
                out.writeBoolean(state.enabled());
                out.writeBoolean(state.linkDown());
                out.writeBoolean(state.skrZero());
                out.writeDouble(state.injectedQber());
                out.writeLong(state.nominalSkr());
                out.writeDouble(state.baseQber());
            }
            case Frame.Block block -> {
                out.writeByte(BLOCK);
                out.writeLong(block.sequence());
                out.writeInt(block.units().size());
                for (Frame.Unit unit : block.units()) {
                    writeUuid(out, unit.id());
                    final byte[] bytes = unit.bytes().bytes();
                    out.write(bytes);
                    Arrays.fill(bytes, (byte) 0);
                }
            }
            case Frame.Ack ack -> {
                out.writeByte(ACK);
                out.writeLong(ack.sequence());
            }
            case Frame.Inventory inventory -> {
                out.writeByte(INVENTORY);
                out.writeBoolean(inventory.last());
                writeUuids(out, inventory.unitIds());
            }
            case Frame.Reserve reserve -> {
                out.writeByte(RESERVE);
                out.writeLong(reserve.requestId());
                out.writeUTF(reserve.masterSae());
                out.writeInt(reserve.slaveSaes().size());
                for (String slave : reserve.slaveSaes()) {
                    out.writeUTF(slave);
                }
                out.writeInt(reserve.sizeBits());
                out.writeInt(reserve.keys().size());
                for (Frame.KeyUnits key : reserve.keys()) {
                    writeUuid(out, key.keyId());
                    writeUuids(out, key.unitIds());
                }
            }
            case Frame.ReserveReply reply -> {
                out.writeByte(RESERVE_REPLY);
                out.writeLong(reply.requestId());
                out.writeShort(reply.status());
                out.writeUTF(reply.message());
            }
            case Frame.Confirm confirm -> {
                out.writeByte(CONFIRM);
                out.writeLong(confirm.requestId());
            }
        }
    }

    private static Frame decode(final DataInputStream in) throws IOException {
        final int type = in.readUnsignedByte();
        return switch (type) {
            case HELLO -> new Frame.Hello(in.readUnsignedByte(), readUuid(in));
            case STATE -> new Frame.State(in.readBoolean(), in.readBoolean(), in.readBoolean(), in.readDouble(),
                in.readLong(), in.readDouble());
            case BLOCK -> {
                final long sequence = in.readLong();
                final int count = count(in, 16 + UNIT_BYTES);
                final List<Frame.Unit> units = new ArrayList<>(count);
                final byte[] bytes = new byte[UNIT_BYTES];
                for (int i = 0; i < count; i++) {
                    final UUID id = readUuid(in);
                    in.readFully(bytes);
                    units.add(new Frame.Unit(id, KeyBytes.copyOf(bytes)));
                }
                Arrays.fill(bytes, (byte) 0);
                yield new Frame.Block(sequence, units);
            }
            case ACK -> new Frame.Ack(in.readLong());
            case INVENTORY -> {
                final boolean last = in.readBoolean();
                yield new Frame.Inventory(readUuids(in), last);
            }
            case RESERVE -> {
                final long requestId = in.readLong();
                final String master = in.readUTF();
                final int slaveCount = count(in, 2);
                final List<String> slaves = new ArrayList<>(slaveCount);
                for (int i = 0; i < slaveCount; i++) {
                    slaves.add(in.readUTF());
                }
                final int sizeBits = in.readInt();
                final int keyCount = count(in, 20);
                final List<Frame.KeyUnits> keys = new ArrayList<>(keyCount);
                for (int i = 0; i < keyCount; i++) {
                    keys.add(new Frame.KeyUnits(readUuid(in), readUuids(in)));
                }
                yield new Frame.Reserve(requestId, master, slaves, sizeBits, keys);
            }
            case RESERVE_REPLY -> new Frame.ReserveReply(in.readLong(), in.readUnsignedShort(), in.readUTF());
            case CONFIRM -> new Frame.Confirm(in.readLong());
            default -> throw new IOException("unknown frame type " + type);
        };
    }

    /** Reads a count and checks the rest of the frame can hold that many items of at least {@code itemBytes}. */
    private static int count(final DataInputStream in, final int itemBytes) throws IOException {
        final int count = in.readInt();
        if (count < 0 || (long) count * itemBytes > in.available()) {
            throw new IOException("bad item count " + count);
        }
        return count;
    }

    private static void writeUuids(final DataOutputStream out, final List<UUID> ids) throws IOException {
        out.writeInt(ids.size());
        for (UUID id : ids) {
            writeUuid(out, id);
        }
    }

    private static List<UUID> readUuids(final DataInputStream in) throws IOException {
        final int count = count(in, 16);
        final List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(readUuid(in));
        }
        return ids;
    }

    private static void writeUuid(final DataOutputStream out, final UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID readUuid(final DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    /** A byte buffer whose contents can be zeroed. */
    private static final class ErasableBuffer extends ByteArrayOutputStream {
        ErasableBuffer() {
            super(256);
        }

        synchronized void erase() {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
