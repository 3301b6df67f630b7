package org.sdqkd.opot.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The OPoT UDP payload (destination port {@value #PORT}):
 * {@code type (1 byte, 0x06) | AppID (1) | eCML (4 or 8, big-endian) | eRND (4 or 8, big-endian) | seq (1) |
 * message}, the field's width deciding 4 or 8. The seq byte, unused in the paper, names the keys the packet was
 * made with: its high bit is the {@code ietf-pot-profile} index (even 0, odd 1) and its low 7 bits the mask epoch,
 * so that profiles and masks can rotate while packets of the previous ones are still in flight. Reads and writes in
 * place, on the caller's buffer.
 */
public final class WireFormat {
    /** The type byte of an OPoT payload. */
    public static final byte TYPE = 0x06;
    /** The UDP destination port of OPoT payloads. */
    public static final int PORT = 5445;
    /** The number of mask epochs the seq byte tells apart. */
    public static final int EPOCHS = 128;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private WireFormat() {
    }

    /**
     * The header's length.
     *
     * @param field the field
     * @return 3 + 2 * 4 or 3 + 2 * 8 bytes
     */
    public static int headerLength(final PrimeField field) {
        return 3 + 2 * field.fieldBytes();
    }

    /**
     * The seq byte of a profile index and a mask epoch.
     *
     * @param profileIndex the {@code ietf-pot-profile} index, 0 (even) or 1 (odd)
     * @param epoch        the mask epoch, 0 to 127
     * @return the seq byte, as an int 0 to 255
     */
    public static int seq(final int profileIndex, final int epoch) {
        if (profileIndex != 0 && profileIndex != 1 || epoch < 0 || epoch >= EPOCHS) {
            throw new IllegalArgumentException("profile index 0 or 1 and epoch 0 to 127, not " + profileIndex + " and "
                + epoch);
        }
        return profileIndex << 7 | epoch;
    }

    /**
     * Writes a header into a buffer.
     *
     * @param field  the field
     * @param buffer where to write
     * @param offset where the payload starts
     * @param appId  the application (flow) identifier, 0 to 255
     * @param eCml   the (masked) CML
     * @param eRnd   the (masked) RND
     * @param seq    the seq byte, 0 to 255
     */
    public static void writeHeader(final PrimeField field, final byte[] buffer, final int offset, final int appId,
            final long eCml, final long eRnd, final int seq) {
        buffer[offset] = TYPE;
        buffer[offset + 1] = (byte) appId;
        writeCml(field, buffer, offset, eCml);
        writeRnd(field, buffer, offset, eRnd);
        buffer[offset + 2 + 2 * field.fieldBytes()] = (byte) seq;
    }

    /**
     * Checks that a buffer holds an OPoT header.
     *
     * @param field  the field
     * @param buffer the payload
     * @param offset where it starts
     * @param length its length
     * @throws Rejection ({@link Rejection.Reason#MALFORMED}) when it is too short or its type is not 0x06
     */
    public static void check(final PrimeField field, final byte[] buffer, final int offset, final int length)
            throws Rejection {
        if (length < headerLength(field)) {
            throw new Rejection(Rejection.Reason.MALFORMED, "payload of " + length + " bytes, shorter than the "
                + headerLength(field) + "-byte OPoT header");
        }
        if (buffer[offset] != TYPE) {
            throw new Rejection(Rejection.Reason.MALFORMED, "type " + (buffer[offset] & 0xFF) + ", not 6");
        }
    }

    /**
     * The AppID.
     *
     * @param buffer the payload
     * @param offset where it starts
     * @return 0 to 255
     */
    public static int appId(final byte[] buffer, final int offset) {
        return buffer[offset + 1] & 0xFF;
    }

    /**
     * The seq byte.
     *
     * @param field  the field
     * @param buffer the payload
     * @param offset where it starts
     * @return 0 to 255
     */
    public static int seq(final PrimeField field, final byte[] buffer, final int offset) {
        return buffer[offset + 2 + 2 * field.fieldBytes()] & 0xFF;
    }

    /**
     * eCML.
     *
     * @param field  the field
     * @param buffer the payload
     * @param offset where it starts
     * @return the value, unsigned
     */
    public static long cml(final PrimeField field, final byte[] buffer, final int offset) {
        return read(field, buffer, offset + 2);
    }

    /**
     * eRND.
     *
     * @param field  the field
     * @param buffer the payload
     * @param offset where it starts
     * @return the value, unsigned
     */
    public static long rnd(final PrimeField field, final byte[] buffer, final int offset) {
        return read(field, buffer, offset + 2 + field.fieldBytes());
    }

    /**
     * Writes eCML.
     *
     * @param field  the field
     * @param buffer the payload
     * @param offset where it starts
     * @param value  the value
     */
    public static void writeCml(final PrimeField field, final byte[] buffer, final int offset, final long value) {
        write(field, buffer, offset + 2, value);
    }

    /**
     * Writes eRND.
     *
     * @param field  the field
     * @param buffer the payload
     * @param offset where it starts
     * @param value  the value
     */
    public static void writeRnd(final PrimeField field, final byte[] buffer, final int offset, final long value) {
        write(field, buffer, offset + 2 + field.fieldBytes(), value);
    }

    private static long read(final PrimeField field, final byte[] buffer, final int at) {
        return field.fieldBits() == 64 ? (long) LONG.get(buffer, at) : (int) INT.get(buffer, at) & 0xFFFF_FFFFL;
    }

    private static void write(final PrimeField field, final byte[] buffer, final int at, final long value) {
        if (field.fieldBits() == 64) {
            LONG.set(buffer, at, value);
        } else {
            INT.set(buffer, at, (int) value);
        }
    }
}
