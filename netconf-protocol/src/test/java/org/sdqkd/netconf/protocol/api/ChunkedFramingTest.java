package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sdqkd.netconf.protocol.api.FramingTestSupport.ascii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.FramingException.Reason;

class ChunkedFramingTest {
    private static final int MAX = 1 << 20;

    @Test
    void roundTripsRandomMessagesSplitAnywhere() throws FramingException {
        final Random random = new Random(6242);
        for (int round = 0; round < 200; round++) {
            final List<byte[]> sent = new ArrayList<>();
            final List<byte[]> framed = new ArrayList<>();
            for (int i = random.nextInt(5) + 1; i > 0; i--) {
                final byte[] message = FramingTestSupport.randomMessage(random, 600);
                sent.add(message);
                framed.add(chunks(message, random));
            }
            final ChunkedFraming framing = ChunkedFraming.of(MAX);
            final List<byte[]> received = FramingTestSupport.feedInRandomPieces(framing,
                FramingTestSupport.concat(framed), random);
            assertEquals(sent.size(), received.size(), "round " + round);
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), received.get(i), "round " + round + " message " + i);
            }
            framing.endOfInput();
        }
    }

    @Test
    void handsOutRandomMessagesPartByPartAsRangesOfTheInput() throws FramingException {
        final Random random = new Random(6242_42);
        for (int round = 0; round < 200; round++) {
            final List<byte[]> sent = new ArrayList<>();
            final List<byte[]> framed = new ArrayList<>();
            for (int i = random.nextInt(5) + 1; i > 0; i--) {
                final byte[] message = FramingTestSupport.randomMessage(random, 600);
                sent.add(message);
                framed.add(chunks(message, random));
            }
            final ChunkedFraming framing = ChunkedFraming.of(MAX);
            final List<byte[]> received = FramingTestSupport.feedPartByPart(framing,
                FramingTestSupport.concat(framed), random, true);
            assertEquals(sent.size(), received.size(), "round " + round);
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), received.get(i), "round " + round + " message " + i);
            }
            framing.endOfInput();
        }
    }

    @Test
    void refusesChunksBeyondTheMaximumPartByPartBeforeTheirData() throws FramingException {
        final ChunkedFraming framing = ChunkedFraming.of(100);
        final List<String> parts = new ArrayList<>();
        final MessageParts sink = new MessageParts() {
            @Override
            public void part(final byte[] bytes, final int offset, final int length) {
                parts.add(new String(bytes, offset, length, StandardCharsets.US_ASCII));
            }

            @Override
            public void end() {
                parts.add("END");
            }
        };
        final byte[] first = ascii("\n#60\n" + "x".repeat(60));
        framing.decode(first, 0, first.length, sink);
        final byte[] second = ascii("\n#41\n" + "y".repeat(41));
        assertEquals(Reason.TOO_BIG, assertThrows(FramingException.class,
            () -> framing.decode(second, 0, second.length, sink)).reason());
        assertEquals(List.of("x".repeat(60)), parts, "nothing of the chunk that is too big, and no end");
        assertEquals(Reason.TOO_BIG, assertThrows(FramingException.class, framing::endOfInput).reason());
    }

    @Test
    void decodesWhatItEncodes() throws FramingException {
        final ChunkedFraming framing = ChunkedFraming.of(MAX);
        final byte[] message = ascii("<rpc message-id=\"1\"/>");
        assertEquals("\n#21\n<rpc message-id=\"1\"/>\n##\n", new String(framing.encode(message),
            StandardCharsets.US_ASCII));
        assertArrayEquals(message, framing.decode(framing.encode(message)).getFirst());
    }

    @Test
    void decodesTheExampleOfRfc6242() throws FramingException {
        final List<byte[]> messages = ChunkedFraming.of(MAX).decode(ascii(
            "\n#4\n<rpc\n#18\n message-id=\"102\"\n\n#79\n"
                + "     xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n  <close-session/>\n</rpc>\n##\n"));
        assertEquals(1, messages.size());
        assertEquals("<rpc message-id=\"102\"\n     xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n"
            + "  <close-session/>\n</rpc>", new String(messages.getFirst(), StandardCharsets.US_ASCII));
    }

    @Test
    void yieldsSeveralMessagesFromOneRead() throws FramingException {
        final List<byte[]> messages = ChunkedFraming.of(MAX).decode(ascii("\n#1\na\n##\n\n#2\nbc\n##\n\n#1\nd\n##\n"));
        assertEquals(List.of("a", "bc", "d"), messages.stream().map(String::new).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "no line feed before '#'          | #3\\nabc\\n##\\n         | BAD_CHUNK_HEADER",
        "no '#' after the line feed       | \\n3\\nabc\\n##\\n       | BAD_CHUNK_HEADER",
        "two line feeds                   | \\n\\n#3\\nabc\\n##\\n   | BAD_CHUNK_HEADER",
        "carriage return line feed        | \\r\\n#3\\nabc\\n##\\n   | BAD_CHUNK_HEADER",
        "space before the size            | \\n# 3\\nabc\\n##\\n     | BAD_CHUNK_HEADER",
        "letter in the size               | \\n#3a\\nabc\\n##\\n     | BAD_CHUNK_HEADER",
        "sign before the size             | \\n#+3\\nabc\\n##\\n     | BAD_CHUNK_HEADER",
        "space after the size             | \\n#3 \\nabc\\n##\\n     | BAD_CHUNK_HEADER",
        "carriage return after the size   | \\n#3\\r\\nabc\\n##\\n   | BAD_CHUNK_HEADER",
        "empty size                       | \\n#\\nabc\\n##\\n       | BAD_CHUNK_HEADER",
        "empty chunk                      | \\n#0\\n\\n##\\n         | BAD_CHUNK_SIZE",
        "leading zero                     | \\n#03\\nabc\\n##\\n     | BAD_CHUNK_SIZE",
        "size above 4294967295            | \\n#4294967296\\n       | BAD_CHUNK_SIZE",
        "eleven digits                    | \\n#10000000000\\n      | BAD_CHUNK_SIZE",
        "end-of-chunks without chunk      | \\n##\\n                | BAD_CHUNK_HEADER",
        "three hashes                     | \\n#3\\nabc\\n###\\n     | BAD_CHUNK_HEADER",
        "no line feed after end-of-chunks | \\n#3\\nabc\\n##x        | BAD_CHUNK_HEADER",
        "chunk longer than its size       | \\n#3\\nabcd\\n##\\n     | BAD_CHUNK_HEADER",
        "chunk shorter than its size      | \\n#3\\nab\\n##\\n       | BAD_CHUNK_HEADER",
    })
    void refusesMalformedHeaders(final String description, final String input, final Reason reason) {
        final byte[] bytes = ascii(input.replace("\\n", "\n").replace("\\r", "\r"));
        final FramingException failure = assertThrows(FramingException.class,
            () -> ChunkedFraming.of(MAX).decode(bytes), description);
        assertEquals(reason, failure.reason(), failure.getMessage());
        assertEquals(ErrorType.TRANSPORT, failure.errorType());
        assertEquals(ErrorTag.MALFORMED_MESSAGE, failure.errorTag());
        final ChunkedFraming byteByByte = ChunkedFraming.of(MAX);
        assertEquals(reason, assertThrows(FramingException.class, () -> {
            for (byte b : bytes) {
                byteByByte.decode(new byte[] {b});
            }
        }).reason(), description + ", fed byte by byte");
    }

    @Test
    void acceptsTheLargestChunkSizeInTheHeader() {
        final FramingException failure = assertThrows(FramingException.class,
            () -> ChunkedFraming.of(MAX).decode(ascii("\n#4294967295\n")));
        assertEquals(Reason.TOO_BIG, failure.reason(), "a valid size, only too big for this framing");
    }

    @Test
    void refusesAnOversizeChunkBeforeItsData() {
        final FramingException failure = assertThrows(FramingException.class,
            () -> ChunkedFraming.of(100).decode(ascii("\n#101\n")));
        assertEquals(Reason.TOO_BIG, failure.reason());
        assertEquals(ErrorTag.TOO_BIG, failure.errorTag());
    }

    @Test
    void refusesChunksThatAddUpBeyondTheMaximum() throws FramingException {
        final ChunkedFraming framing = ChunkedFraming.of(100);
        framing.decode(ascii("\n#60\n" + "x".repeat(60)));
        assertEquals(Reason.TOO_BIG, assertThrows(FramingException.class,
            () -> framing.decode(ascii("\n#41\n"))).reason());
    }

    @Test
    void acceptsAMessageExactlyAtTheMaximum() throws FramingException {
        final ChunkedFraming framing = ChunkedFraming.of(100);
        final List<byte[]> messages = framing.decode(ascii("\n#60\n" + "x".repeat(60) + "\n#40\n" + "y".repeat(40)
            + "\n##\n"));
        assertEquals(100, messages.getFirst().length);
        assertEquals(1, framing.decode(ascii("\n#100\n" + "z".repeat(100) + "\n##\n")).size(), "limit is per message");
    }

    @Test
    void refusesInputEndingInsideAMessage() throws FramingException {
        for (String truncated : List.of("\n", "\n#", "\n#3", "\n#3\nab", "\n#3\nabc", "\n#3\nabc\n#",
                "\n#3\nabc\n##")) {
            final ChunkedFraming framing = ChunkedFraming.of(MAX);
            framing.decode(ascii(truncated));
            assertEquals(Reason.TRUNCATED, assertThrows(FramingException.class, framing::endOfInput).reason(),
                truncated);
        }
        final ChunkedFraming complete = ChunkedFraming.of(MAX);
        complete.decode(ascii("\n#3\nabc\n##\n"));
        complete.endOfInput();
    }

    @Test
    void staysBrokenAfterAFailure() {
        final ChunkedFraming framing = ChunkedFraming.of(MAX);
        assertThrows(FramingException.class, () -> framing.decode(ascii("x")));
        assertThrows(FramingException.class, () -> framing.decode(ascii("\n#1\na\n##\n")));
        assertThrows(FramingException.class, framing::endOfInput);
    }

    @Test
    void refusesToEncodeAnEmptyMessage() {
        assertEquals(Reason.EMPTY_MESSAGE, assertThrows(FramingException.class,
            () -> ChunkedFraming.of(MAX).encode(new byte[0])).reason());
    }

    @Test
    void refusesAMaximumBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> ChunkedFraming.of(0));
        assertEquals(1, ChunkedFraming.of(1).maxMessageSize());
    }

    private static byte[] chunks(final byte[] message, final Random random) {
        final StringBuilder framed = new StringBuilder();
        int pos = 0;
        while (pos < message.length) {
            final int size = 1 + random.nextInt(message.length - pos);
            framed.append("\n#").append(size).append('\n')
                .append(new String(message, pos, size, StandardCharsets.ISO_8859_1));
            pos += size;
        }
        return ascii(framed.append("\n##\n").toString());
    }
}
