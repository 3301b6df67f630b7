package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A message framed with the end-of-message delimiter while it is written, which must not hold the delimiter. */
class EndOfMessageOutputTest {
    private static final byte[] DELIMITER = "]]>]]>".getBytes(StandardCharsets.US_ASCII);

    private static String framed(final String... writes) throws IOException {
        final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        final EndOfMessageOutput out = new EndOfMessageOutput(sink, DELIMITER);
        for (String write : writes) {
            out.write(write.getBytes(StandardCharsets.UTF_8));
        }
        out.close();
        out.close();
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void appendsTheDelimiter() throws Exception {
        assertEquals("<rpc-reply/>]]>]]>", framed("<rpc-", "reply/>"));
        assertEquals("]]>]]]>]]]]>]>]]>]>]]>]]>", framed("]]>]]]>]]]]>]>]]>]>"));
    }

    @Test
    void refusesTheDelimiterEvenSplitAcrossWrites() {
        assertThrows(IOException.class, () -> framed("a]]>]]>b"));
        assertThrows(IOException.class, () -> framed("a]]>]", "]>b"));
        assertThrows(IOException.class, () -> framed("]]]>]]>"));
        assertThrows(IOException.class, () -> framed("]]>]]]>]]>"));
    }
}
