package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.protocol.api.FramingTestSupport.ascii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.FramingException.Reason;

class EndOfMessageFramingTest {
    private static final int MAX = 1 << 20;

    @Test
    void roundTripsRandomMessagesSplitAnywhere() throws FramingException {
        final Random random = new Random(6242_43);
        int checked = 0;
        for (int round = 0; round < 300; round++) {
            final List<byte[]> sent = new ArrayList<>();
            final List<byte[]> framed = new ArrayList<>();
            final EndOfMessageFraming framing = EndOfMessageFraming.of(MAX);
            for (int i = random.nextInt(5) + 1; i > 0; i--) {
                final byte[] message = withoutLeadingWhitespace(FramingTestSupport.randomMessage(random, 600));
                try {
                    framed.add(framing.encode(message));
                    sent.add(message);
                } catch (FramingException e) {
                    assertEquals(Reason.DELIMITER_IN_MESSAGE, e.reason());
                }
            }
            final List<byte[]> received = FramingTestSupport.feedInRandomPieces(framing,
                FramingTestSupport.concat(framed), random);
            assertEquals(sent.size(), received.size(), "round " + round);
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), received.get(i), "round " + round + " message " + i);
            }
            framing.endOfInput();
            checked += sent.size();
        }
        assertTrue(checked > 500, "enough messages without the delimiter: " + checked);
    }

    @Test
    void handsOutEachMessageWholeWhenDecodingPartByPart() throws FramingException {
        final Random random = new Random(6242_44);
        for (int round = 0; round < 100; round++) {
            final List<byte[]> sent = new ArrayList<>();
            final List<byte[]> framed = new ArrayList<>();
            final EndOfMessageFraming framing = EndOfMessageFraming.of(MAX);
            for (int i = random.nextInt(5) + 1; i > 0; i--) {
                final byte[] message = withoutLeadingWhitespace(FramingTestSupport.randomMessage(random, 600));
                try {
                    final byte[] one = framing.encode(message);
                    // a message ending in "]]>" is cut by the delimiter's first bytes (the framing's ambiguity)
                    if (EndOfMessageDecoder.indexOf(one, ascii(EndOfMessageFraming.DELIMITER)) == message.length) {
                        framed.add(one);
                        sent.add(message);
                    }
                } catch (FramingException e) {
                    assertEquals(Reason.DELIMITER_IN_MESSAGE, e.reason());
                }
            }
            final List<byte[]> received = FramingTestSupport.feedPartByPart(framing,
                FramingTestSupport.concat(framed), random, false);
            assertEquals(sent.size(), received.size(), "round " + round);
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), received.get(i), "round " + round + " message " + i);
            }
            framing.endOfInput();
        }
    }

    @Test
    void findsTheDelimiterAfterPartialMatches() throws FramingException {
        final EndOfMessageFraming framing = EndOfMessageFraming.of(MAX);
        assertEquals(List.of("a]]", "b]]>]"), strings(framing.decode(ascii("a]]]]>]]>b]]>]]]>]]>"))));
        assertEquals(List.of("]]]>]>"), strings(framing.decode(ascii("]]]>]>]]>]]>"))));
    }

    @Test
    void findsADelimiterSplitAtEveryPoint() throws FramingException {
        final byte[] bytes = ascii("<hello/>]]>]]>");
        for (int cut = 0; cut <= bytes.length; cut++) {
            final EndOfMessageFraming framing = EndOfMessageFraming.of(MAX);
            final List<byte[]> messages = new ArrayList<>(framing.decode(bytes, 0, cut));
            messages.addAll(framing.decode(bytes, cut, bytes.length - cut));
            assertEquals(List.of("<hello/>"), strings(messages), "cut at " + cut);
        }
    }

    @Test
    void yieldsSeveralMessagesFromOneReadAndDropsWhitespaceBetweenThem() throws FramingException {
        assertEquals(List.of("<a/>", "<b/>", "<c> </c>"), strings(EndOfMessageFraming.of(MAX)
            .decode(ascii("<a/>]]>]]>\n<b/>]]>]]>\r\n \t<c> </c>]]>]]>"))));
    }

    @Test
    void refusesAnOversizeMessageBeforeBufferingItWhole() throws FramingException {
        final EndOfMessageFraming framing = EndOfMessageFraming.of(100);
        framing.decode(ascii("x".repeat(100)));
        final FramingException failure = assertThrows(FramingException.class, () -> framing.decode(ascii("xx]]>]]>")));
        assertEquals(Reason.TOO_BIG, failure.reason());
        assertEquals(ErrorType.TRANSPORT, failure.errorType());
        assertEquals(ErrorTag.TOO_BIG, failure.errorTag());
        assertThrows(FramingException.class, () -> framing.decode(ascii("<a/>]]>]]>")), "stays broken");
    }

    @Test
    void refusesAnEndlessMessageAfterTheMaximum() {
        final EndOfMessageFraming framing = EndOfMessageFraming.of(1000);
        final byte[] block = ascii("]]>]]".repeat(20));
        assertEquals(Reason.TOO_BIG, assertThrows(FramingException.class, () -> {
            for (int i = 0; i < 1_000_000; i++) {
                framing.decode(block);
            }
        }).reason());
    }

    @Test
    void acceptsAMessageExactlyAtTheMaximum() throws FramingException {
        final EndOfMessageFraming framing = EndOfMessageFraming.of(100);
        final String message = "]".repeat(50) + ">".repeat(50);
        assertEquals(List.of(message), strings(framing.decode(ascii(message + "]]>]]>"))));
        assertEquals(List.of(message), strings(framing.decode(ascii(message + "]]>]]>"))), "limit is per message");
    }

    @Test
    void refusesInputEndingInsideAMessage() throws FramingException {
        final EndOfMessageFraming framing = EndOfMessageFraming.of(MAX);
        framing.decode(ascii("<a/>]]>]]>\n<b/>]]>]]"));
        final FramingException failure = assertThrows(FramingException.class, framing::endOfInput);
        assertEquals(Reason.TRUNCATED, failure.reason());
        assertEquals(ErrorTag.MALFORMED_MESSAGE, failure.errorTag());
    }

    @Test
    void acceptsWhitespaceAtTheEndOfTheInput() throws FramingException {
        final EndOfMessageFraming framing = EndOfMessageFraming.of(MAX);
        framing.decode(ascii("<a/>]]>]]>\r\n"));
        framing.endOfInput();
    }

    @Test
    void refusesToEncodeAMessageHoldingTheDelimiter() {
        assertEquals(Reason.DELIMITER_IN_MESSAGE, assertThrows(FramingException.class,
            () -> EndOfMessageFraming.of(MAX).encode(ascii("<a b=\"]]>]]>\"/>"))).reason());
    }

    @Test
    void namesItsBaseCapability() {
        assertEquals(Capabilities.BASE_1_0, EndOfMessageFraming.of(MAX).baseCapability());
        assertEquals(Capabilities.BASE_1_1, ChunkedFraming.of(MAX).baseCapability());
    }

    private static byte[] withoutLeadingWhitespace(final byte[] message) {
        message[0] = '<';
        return message;
    }

    private static List<String> strings(final List<byte[]> messages) {
        return messages.stream().map(m -> new String(m, StandardCharsets.ISO_8859_1)).toList();
    }
}
