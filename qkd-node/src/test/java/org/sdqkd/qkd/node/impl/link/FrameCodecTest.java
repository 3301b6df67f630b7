package org.sdqkd.qkd.node.impl.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.qkd.node.api.KeyBytes;

@Timeout(10)
class FrameCodecTest {
    @Test
    void framesSurviveTheRoundTrip() throws IOException {
        final UUID link = UUID.randomUUID();
        final List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        final List<Frame> frames = List.of(new Frame.Hello(FrameCodec.VERSION, link),
            new Frame.State(true, false, true, -1, 70_000, 0.02), new Frame.Ack(7), new Frame.Inventory(ids, true),
            new Frame.Reserve(3, "SAE_A", List.of("SAE_B", "SAE_C"), 512, List.of(new Frame.KeyUnits(link, ids))),
            new Frame.ReserveReply(3, 401, "not allowed"), new Frame.Confirm(3));
        for (Frame frame : frames) {
            assertEquals(frame, roundTrip(encode(frame)));
        }
        final byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 0x5a);
        final Frame.Block block = new Frame.Block(9, List.of(new Frame.Unit(link, KeyBytes.copyOf(bytes))));
        final Frame.Block back = assertInstanceOf(Frame.Block.class, roundTrip(encode(block)));
        assertEquals(9, back.sequence());
        assertEquals(link, back.units().getFirst().id());
        assertTrue(block.units().getFirst().bytes().sameBytes(back.units().getFirst().bytes()));
    }

    @Test
    void aFullBlockFitsAFrame() throws IOException {
        final List<Frame.Unit> units = new ArrayList<>();
        for (int i = 0; i < FrameCodec.MAX_UNITS_PER_BLOCK; i++) {
            units.add(new Frame.Unit(UUID.randomUUID(), KeyBytes.copyOf(new byte[32])));
        }
        final Frame.Block back = assertInstanceOf(Frame.Block.class, roundTrip(encode(new Frame.Block(1, units))));
        assertEquals(FrameCodec.MAX_UNITS_PER_BLOCK, back.units().size());
        final List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < FrameCodec.MAX_IDS_PER_INVENTORY; i++) {
            ids.add(UUID.randomUUID());
        }
        assertEquals(ids, ((Frame.Inventory) roundTrip(encode(new Frame.Inventory(ids, false)))).unitIds());
    }

    @Test
    void refusesOversizedMalformedAndTruncatedFrames() throws IOException {
        assertThrows(IOException.class, () -> roundTrip(lengthThenBody(FrameCodec.MAX_FRAME + 1, new byte[0])));
        assertThrows(IOException.class, () -> roundTrip(lengthThenBody(0, new byte[0])));
        assertThrows(IOException.class, () -> roundTrip(lengthThenBody(1, new byte[] {99})));
        assertThrows(IOException.class, () -> roundTrip(lengthThenBody(9, new byte[] {4, 0, 0, 0})));
        assertThrows(IOException.class, () -> roundTrip(lengthThenBody(10, new byte[] {4, 0, 0, 0, 0, 0, 0, 0, 0,
            0})));
        final byte[] hugeCount = {5, 1, 0x7f, 0, 0, 0};
        assertThrows(IOException.class, () -> roundTrip(lengthThenBody(hugeCount.length, hugeCount)));
        final List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < FrameCodec.MAX_FRAME / 16 + 1; i++) {
            tooMany.add(new UUID(i, i));
        }
        assertThrows(IOException.class, () -> encode(new Frame.Inventory(tooMany, true)));
    }

    private static byte[] encode(final Frame frame) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        FrameCodec.write(out, frame);
        out.flush();
        return bytes.toByteArray();
    }

    private static Frame roundTrip(final byte[] bytes) throws IOException {
        return FrameCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static byte[] lengthThenBody(final int length, final byte[] body) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(length);
        out.write(body);
        return bytes.toByteArray();
    }
}
