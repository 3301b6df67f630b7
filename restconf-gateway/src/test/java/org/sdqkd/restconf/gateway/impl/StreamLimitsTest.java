package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.restconf.gateway.StreamLimits;

/**
 * The limits of the event stream: at most so many subscribers (503 beyond), a subscriber that does not read is
 * dropped once its queue is full, an idle stream sends keep-alive comments, and closing the gateway ends every
 * subscription cleanly.
 */
final class StreamLimitsTest {
    @TempDir
    Path directory;

    private static URI stream(final GatewayHarness gateway) {
        return URI.create(StreamResource.location(gateway.root().toString(), Encoding.JSON));
    }

    @Test
    void subscribersBeyondTheLimitAnswer503() {
        try (GatewayHarness gateway = new GatewayHarness(directory, new StreamLimits(2, 16, 16,
                Duration.ofSeconds(15)));
                SseClient first = SseClient.subscribe(stream(gateway));
                SseClient second = SseClient.subscribe(stream(gateway))) {
            assertEquals(200, first.status());
            assertEquals(200, second.status());
            try (SseClient third = SseClient.open(stream(gateway), "text/event-stream")) {
                assertEquals(503, third.status());
                assertTrue(third.body().contains("maximum of 2 subscribers"));
            }
            first.close();
            // the first one's end is seen at its next write: a published event
            final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status;
            do {
                gateway.gateway().notifications().publish(StreamQueryTest.interfaceDown(1), Instant.now());
                try (SseClient again = SseClient.open(stream(gateway), "text/event-stream")) {
                    status = again.status();
                }
            } while (status != 200 && System.nanoTime() < deadline);
            assertEquals(200, status);
        }
    }

    @Test
    void aSubscriberThatDoesNotReadIsDropped() throws IOException {
        try (GatewayHarness gateway = new GatewayHarness(directory, new StreamLimits(4, 2, 0,
                Duration.ofSeconds(15)));
                SseClient slow = SseClient.open(stream(gateway), "text/event-stream")) {
            assertEquals(200, slow.status());
            // far more than the socket buffers hold: the subscription's writes block and its queue fills
            final int published = 40_000;
            for (int i = 0; i < published; i++) {
                gateway.gateway().notifications().publish(StreamQueryTest.linkDown("x".repeat(200)), Instant.now());
            }
            final String all;
            try (InputStream in = slow.response().body()) {
                all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(all.endsWith(": dropped: the client did not keep up with the stream\n\n"),
                all.substring(Math.max(0, all.length() - 200)));
            final int received = all.split("\ndata: ", -1).length - 1;
            assertTrue(received > 0 && received < published, "received " + received);
        }
    }

    @Test
    void anIdleStreamSendsKeepAlives() {
        try (GatewayHarness gateway = new GatewayHarness(directory, new StreamLimits(4, 16, 16,
                Duration.ofMillis(200)));
                SseClient sse = SseClient.subscribe(stream(gateway))) {
            assertEquals(SseClient.Kind.COMMENT, sse.next().kind());
            final SseClient.Item item = sse.next();
            assertEquals(new SseClient.Item(SseClient.Kind.COMMENT, "keep-alive"), item);
        }
    }

    @Test
    void closingTheGatewayEndsTheSubscriptions() {
        final GatewayHarness gateway = new GatewayHarness(directory);
        try (SseClient sse = SseClient.subscribe(stream(gateway))) {
            assertEquals(SseClient.Kind.COMMENT, sse.next().kind());
            gateway.close();
            assertEquals(SseClient.Kind.END, sse.next().kind());
        }
    }
}
