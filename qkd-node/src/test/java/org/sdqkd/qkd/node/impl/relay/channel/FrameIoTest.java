package org.sdqkd.qkd.node.impl.relay.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import org.junit.jupiter.api.Test;

/** The channel's frames: sequence per direction, the bound, bad lengths. */
final class FrameIoTest {
    private static final int BOUND = 64;

    @Test
    void framesRoundTripWithIncreasingSequence() throws IOException {
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        final FrameIo writer = new FrameIo(InputStreamOfNothing.INSTANCE, wire, BOUND);
        writer.write(3, new byte[] {1, 2, 3});
        writer.write(4, new byte[0]);
        final FrameIo reader = new FrameIo(new ByteArrayInputStream(wire.toByteArray()), new ByteArrayOutputStream(),
            BOUND);
        final FrameIo.Received first = reader.read();
        assertEquals(0, first.sequence());
        assertEquals(3, first.type());
        assertArrayEquals(new byte[] {1, 2, 3}, first.payload());
        assertEquals(1, reader.read().sequence());
    }

    @Test
    void aReplayedOrSkippedSequenceIsRefused() throws IOException {
        final byte[] replay = frames(new long[] {0, 0});
        final FrameIo reader = new FrameIo(new ByteArrayInputStream(replay), new ByteArrayOutputStream(), BOUND);
        reader.read();
        final ProtocolException e = assertThrows(ProtocolException.class, reader::read);
        assertTrue(e.getMessage().contains("sequence 0 where 1"), e.getMessage());
        final FrameIo skipping = new FrameIo(new ByteArrayInputStream(frames(new long[] {1})),
            new ByteArrayOutputStream(), BOUND);
        assertThrows(ProtocolException.class, skipping::read);
    }

    @Test
    void framesOverTheBoundAreRefusedBothWays() throws IOException {
        final FrameIo writer = new FrameIo(InputStreamOfNothing.INSTANCE, new ByteArrayOutputStream(), BOUND);
        assertThrows(IllegalArgumentException.class, () -> writer.write(1, new byte[BOUND]));
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new DataOutputStream(wire).writeInt(Integer.MAX_VALUE);
        final FrameIo reader = new FrameIo(new ByteArrayInputStream(wire.toByteArray()), new ByteArrayOutputStream(),
            BOUND);
        final ProtocolException e = assertThrows(ProtocolException.class, reader::read);
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    private static byte[] frames(final long[] sequences) throws IOException {
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(wire);
        for (long sequence : sequences) {
            out.writeInt(9 + 1);
            out.writeLong(sequence);
            out.writeByte(1);
            out.writeByte(0);
        }
        return wire.toByteArray();
    }

    /** An input with no bytes. */
    private static final class InputStreamOfNothing extends ByteArrayInputStream {
        static final InputStreamOfNothing INSTANCE = new InputStreamOfNothing();

        private InputStreamOfNothing() {
            super(new byte[0]);
        }
    }
}
