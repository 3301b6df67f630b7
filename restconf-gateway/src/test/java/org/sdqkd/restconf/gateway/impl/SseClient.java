package org.sdqkd.restconf.gateway.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events reader on the JDK {@code HttpClient}: it parses the stream (W3C EventSource: {@code data:}
 * lines up to a blank line make an event, lines starting with {@code :} are comments) on a thread of its own, started
 * by {@link #startReading()}, so that a test can also leave the stream unread.
 */
final class SseClient implements AutoCloseable {
    /** What was read: an event's data, a comment, or the end of the stream. */
    record Item(Kind kind, String text) {
    }

    /** The kinds of items. */
    enum Kind {
        EVENT, COMMENT, END
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private Thread reader;

    private SseClient(final HttpResponse<InputStream> response) {
        this.response = response;
    }

    /** Opens a stream with an Accept header; the answer's status and headers are there when this returns. */
    static SseClient open(final URI uri, final String accept) {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return new SseClient(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a stream as an EventSource does, and starts reading it. */
    static SseClient subscribe(final URI uri) {
        final SseClient client = open(uri, "text/event-stream");
        if (client.status() == 200) {
            client.startReading();
        }
        return client;
    }

    int status() {
        return response.statusCode();
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The whole body, for an answer that is no stream. */
    String body() {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the thread that parses the stream. */
    void startReading() {
        reader = Thread.ofVirtual().start(this::read);
    }

    private void read() {
        final StringBuilder data = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        items.add(new Item(Kind.EVENT, data.toString()));
                        data.setLength(0);
                    }
                } else if (line.startsWith(":")) {
                    items.add(new Item(Kind.COMMENT, line.substring(1).strip()));
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
            }
        } catch (IOException e) {
            items.add(new Item(Kind.COMMENT, "read failed: " + e));
        }
        items.add(new Item(Kind.END, ""));
    }

    /** The next item, waiting up to ten seconds. */
    Item next() {
        try {
            final Item item = items.poll(10, TimeUnit.SECONDS);
            if (item == null) {
                throw new AssertionError("nothing arrived on the stream within 10 s");
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event's data, skipping comments; fails at the end of the stream. */
    String nextEvent() {
        while (true) {
            final Item item = next();
            switch (item.kind()) {
                case EVENT -> {
                    return item.text();
                }
                case COMMENT -> {
                    // keep-alives and the greeting
                }
                case END -> throw new AssertionError("the stream ended");
            }
        }
    }

    /** Whether an event arrives within a time. */
    boolean eventWithin(final Duration time) {
        final long deadline = System.nanoTime() + time.toNanos();
        try {
            while (true) {
                final Item item = items.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (item == null || item.kind() == Kind.END) {
                    return false;
                }
                if (item.kind() == Kind.EVENT) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing a stream that the server may have ended already
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
