package org.sdqkd.netconf.client.impl;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboundMessagesTest {
    @Test
    void readsEachMessageToItsEndWhileItsPartsArrive() throws Exception {
        final InboundMessages inbound = new InboundMessages(1 << 20);
        final byte[] read = "xx<a>one</a><b/>yy".getBytes(US_ASCII);
        inbound.part(read, 2, 4);
        final InputStream first = inbound.nextMessage();
        // the rest of the first message comes while it is being read
        final CompletableFuture<byte[]> whole = CompletableFuture.supplyAsync(() -> {
            try {
                return first.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(whole.isDone(), "the message has not ended");
        inbound.part(read, 6, 6);
        inbound.end();
        inbound.part(read, 12, 4);
        inbound.end();
        assertEquals("<a>one</a>", new String(whole.get(5, TimeUnit.SECONDS), US_ASCII));
        assertEquals(-1, first.read(), "a message's stream stays at its end");
        assertArrayEquals("<b/>".getBytes(US_ASCII), inbound.nextMessage().readAllBytes());
        inbound.endOfInput();
        assertNull(inbound.nextMessage(), "no message after the end of the input");
    }

    @Test
    void pausesReadingAboveTheLimitAndResumesOnceHalfIsRead() throws Exception {
        final InboundMessages inbound = new InboundMessages(100);
        final AtomicInteger resumed = new AtomicInteger();
        inbound.part(new byte[100], 0, 100);
        assertTrue(inbound.roomFor(resumed::incrementAndGet), "at the limit there is still room");
        inbound.part(new byte[60], 0, 60);
        inbound.end();
        assertFalse(inbound.roomFor(resumed::incrementAndGet), "160 bytes wait: pause");
        final InputStream message = inbound.nextMessage();
        assertEquals(100, message.read(new byte[100]));
        assertEquals(0, resumed.get(), "60 bytes still wait, more than half of 100");
        assertEquals(10, message.read(new byte[10]));
        assertEquals(1, resumed.get(), "50 bytes wait: reading resumes, once");
        assertEquals(50, message.read(new byte[100]));
        assertEquals(-1, message.read(new byte[100]));
        assertEquals(1, resumed.get());
    }

    @Test
    void failsAWaitingReadWhenClosedAndDropsWhatIsQueued() throws Exception {
        final InboundMessages inbound = new InboundMessages(1 << 20);
        inbound.part(new byte[] {'<'}, 0, 1);
        final InputStream message = inbound.nextMessage();
        assertEquals('<', message.read());
        final CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return message.read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        inbound.close(new IOException("session closed"));
        final Throwable failure = assertThrows(Exception.class, () -> waiting.get(5, TimeUnit.SECONDS)).getCause();
        assertEquals("session closed", failure.getCause().getMessage());
        inbound.part(new byte[] {'x'}, 0, 1);
        inbound.end();
        assertNull(inbound.nextMessage(), "nothing is queued after the close");
        assertFalse(inbound.roomFor(() -> { }), "no more reading after the close");
    }

    @Test
    void failsTheReadOfAMessageTheInputEndedInside() throws Exception {
        final InboundMessages inbound = new InboundMessages(1 << 20);
        inbound.part(new byte[] {'<', 'a'}, 0, 2);
        inbound.endOfInput();
        final InputStream message = inbound.nextMessage();
        assertEquals(2, message.read(new byte[10]));
        assertEquals("the input ended inside a message",
            assertThrows(IOException.class, () -> message.read(new byte[10])).getMessage());
    }
}
