package org.sdqkd.netconf.protocol.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random messages and random splits for the framing tests. */
final class FramingTestSupport {
    private FramingTestSupport() {
        // static only
    }

    /** A random message of 1..maxLength bytes, rich in the bytes of the delimiters and chunk headers. */
    static byte[] randomMessage(final Random random, final int maxLength) {
        final byte[] alphabet = "]]>]]>\n##0123456789<a/>".getBytes(StandardCharsets.US_ASCII);
        final byte[] message = new byte[1 + random.nextInt(maxLength)];
        for (int i = 0; i < message.length; i++) {
            message[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256)
                : alphabet[random.nextInt(alphabet.length)];
        }
        return message;
    }

    /** Feeds the bytes in pieces cut at random points (single bytes and empty pieces included). */
    static List<byte[]> feedInRandomPieces(final Framing framing, final byte[] bytes, final Random random)
            throws FramingException {
        final List<byte[]> messages = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            final int length = Math.min(bytes.length - pos, switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> random.nextInt(8);
                default -> random.nextInt(200);
            });
            final byte[] buffer = new byte[length + 6];
            System.arraycopy(bytes, pos, buffer, 3, length);
            messages.addAll(framing.decode(buffer, 3, length));
            pos += length;
        }
        return messages;
    }

    /**
     * Feeds the bytes in pieces cut at random points, as {@link #feedInRandomPieces}, to the decoding part by part,
     * and joins each message's parts. When {@code inPlace}, checks that every part is a range of the piece it came
     * from (not a copy).
     */
    static List<byte[]> feedPartByPart(final Framing framing, final byte[] bytes, final Random random,
            final boolean inPlace) throws FramingException {
        final List<byte[]> messages = new ArrayList<>();
        final ByteArrayOutputStream current = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < bytes.length) {
            final int length = Math.min(bytes.length - pos, random.nextInt(4) == 0 ? 1 : random.nextInt(200));
            final byte[] buffer = new byte[length + 6];
            System.arraycopy(bytes, pos, buffer, 3, length);
            framing.decode(buffer, 3, length, new MessageParts() {
                @Override
                public void part(final byte[] part, final int offset, final int count) {
                    if (count < 1 || inPlace && (part != buffer || offset < 3 || offset + count > 3 + length)) {
                        throw new AssertionError("part of " + count + " bytes at " + offset + " not in the piece");
                    }
                    current.write(part, offset, count);
                }

                @Override
                public void end() {
                    messages.add(current.toByteArray());
                    current.reset();
                }
            });
            pos += length;
        }
        if (current.size() > 0) {
            throw new AssertionError(current.size() + " bytes of a message without its end");
        }
        return messages;
    }

    /** The concatenation of byte arrays. */
    static byte[] concat(final List<byte[]> parts) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static byte[] ascii(final String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
