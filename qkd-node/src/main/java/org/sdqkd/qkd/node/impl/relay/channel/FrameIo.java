package org.sdqkd.qkd.node.impl.relay.channel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedInputStream;
import java.net.ProtocolException;

/**
 * The channel's frames: {@code length (4) | sequence (8) | type (1) | payload}, {@code length} counting what
 * follows it. Each direction numbers its frames 0, 1, 2, ...; a frame out of sequence, over the bound or with an
 * impossible length is refused.
 */
final class FrameIo {
    /** Bytes before the payload. */
    static final int HEADER_BYTES = 4 + 8 + 1;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final int maxFrameBytes;
    private long nextIn;
    private long nextOut;

    FrameIo(final InputStream in, final OutputStream out, final int maxFrameBytes) {
        this.in = new DataInputStream(new BufferedInputStream(in));
        this.out = new DataOutputStream(new BufferedOutputStream(out));
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Writes one frame with the next outgoing sequence number and flushes it. */
    synchronized void write(final int type, final byte[] payload) throws IOException {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("message type outside 0..255: " + type);
        }
        if (HEADER_BYTES + payload.length > maxFrameBytes) {
            throw new IllegalArgumentException("frame of " + (HEADER_BYTES + payload.length)
                + " bytes is over the bound of " + maxFrameBytes);
        }
        out.writeInt(8 + 1 + payload.length);
        out.writeLong(nextOut++);
        out.writeByte(type);
        out.write(payload);
        out.flush();
    }

    /** Reads the next frame (only the reader thread calls this). */
    Received read() throws IOException {
        final int length = in.readInt();
        if (length < 9 || length > maxFrameBytes - 4) {
            throw new ProtocolException("frame length " + length + " outside 9.." + (maxFrameBytes - 4));
        }
        final long sequence = in.readLong();
        if (sequence != nextIn) {
            throw new ProtocolException("frame sequence " + sequence + " where " + nextIn + " was expected");
        }
        nextIn++;
        final int type = in.readUnsignedByte();
        final byte[] payload = new byte[length - 9];
        in.readFully(payload);
        return new Received(sequence, type, payload);
    }

    /** A frame read. */
    record Received(long sequence, int type, byte[] payload) {
    }
}
