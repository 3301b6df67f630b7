package org.sdqkd.netconf.protocol.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message framed in chunks while it is written decodes back to the bytes written. */
class ChunkedMessageOutputTest {
    private static byte[] message(final int length) {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    @Test
    void framesSmallAndLargeWritesIntoChunksThatDecode() throws Exception {
        final byte[] message = message(10_000);
        final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        final ChunkedMessageOutput out = new ChunkedMessageOutput(sink, 1024);
        out.write(message, 0, 1);
        out.write(message, 1, 100);
        out.write(message, 101, 5000);
        out.write(message[5101]);
        out.write(message, 5102, 1000);
        out.flush();
        out.write(message, 6102, message.length - 6102);
        out.close();
        final String framed = sink.toString(StandardCharsets.US_ASCII);
        // the first 101 bytes were buffered, the large write went out as a chunk of its own
        assertTrue(framed.startsWith("\n#101\n"), framed.substring(0, 10));
        assertTrue(framed.contains("\n#5000\n"));
        assertTrue(framed.endsWith("\n##\n"));
        final List<byte[]> decoded = ChunkedFraming.of(1 << 20).decode(sink.toByteArray());
        assertEquals(1, decoded.size());
        assertArrayEquals(message, decoded.getFirst());
    }

    @Test
    void flushDoesNotCutChunks() throws Exception {
        final ByteArrayOutputStream sink = new ByteArrayOutputStream();
        final ChunkedMessageOutput out = new ChunkedMessageOutput(sink, 64);
        for (byte b : "<ok/>".getBytes(StandardCharsets.US_ASCII)) {
            out.write(b);
            out.flush();
        }
        out.close();
        out.close();
        assertEquals("\n#5\n<ok/>\n##\n", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void sendsEachFullChunkOnAtOnceAndLeavesTheLastToTheSession() throws Exception {
        final List<String> flushed = new ArrayList<>();
        final ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushed.add(toString(StandardCharsets.US_ASCII));
            }
        };
        final ChunkedMessageOutput out = new ChunkedMessageOutput(sink, 4);
        out.write("abc".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals(List.of(), flushed, "a flush of the message does not cut or send a chunk");
        out.write("defg".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("\n#3\nabc\n#4\ndefg"), flushed, "a write as large as a chunk goes out at once");
        out.write('h');
        out.write('i');
        out.write("jkl".getBytes(StandardCharsets.US_ASCII));
        assertEquals("\n#2\nhi", flushed.getLast().substring(15), "what did not fit went out first");
        out.write('m');
        out.write('n');
        assertEquals(3, flushed.size(), "a full buffer went out as the next byte came");
        assertEquals("\n#4\njklm", flushed.getLast().substring(21));
        out.close();
        // the last chunk and the end marker are the session's to flush, once after the whole message
        assertEquals(3, flushed.size());
        assertEquals("\n#3\nabc\n#4\ndefg\n#2\nhi\n#4\njklm\n#1\nn\n##\n", sink.toString(StandardCharsets.US_ASCII));
        assertArrayEquals("abcdefghijklmn".getBytes(StandardCharsets.US_ASCII),
            ChunkedFraming.of(1024).decode(sink.toByteArray()).getFirst());
    }

    @Test
    void refusesEmptyMessagesAndWritesAfterTheEnd() throws Exception {
        final ChunkedMessageOutput empty = new ChunkedMessageOutput(new ByteArrayOutputStream(), 64);
        assertThrows(IOException.class, empty::close);
        final ChunkedMessageOutput ended = new ChunkedMessageOutput(new ByteArrayOutputStream(), 64);
        ended.write('x');
        ended.close();
        assertThrows(IOException.class, () -> ended.write('y'));
    }
}
