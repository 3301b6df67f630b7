package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's subscription to an event stream, sent as Server-Sent Events (RFC 8040 section 6.3; the W3C
 * EventSource format): one event per notification, its text on a {@code data:} line, and an SSE comment whenever the
 * stream has been silent for the heartbeat interval. It runs on a virtual thread of its own, which takes events from
 * a bounded queue and writes them with blocking Jetty writes. A subscriber whose queue is full when an event arrives
 * is dropped: it is told so in a comment and its response ends. The response also ends at the stop time and when the
 * stream closes.
 */
final class SseSubscription implements NotificationStream.Subscriber, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SseSubscription.class);
    /** The longest one write may take before the client is taken for gone. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Response response;
    private final Callback callback;
    private final Encoding encoding;
    private final NotificationWriter writer;
    private final Optional<NotificationFilter> filter;
    private final Optional<Instant> stop;
    private final Duration heartbeat;
    private final Clock clock;
    private final BlockingQueue<StreamEvent> queue;
    private volatile boolean ended;
    private volatile boolean dropped;
    private volatile Thread thread;
    private List<StreamEvent> replay = List.of();

    /**
     * A subscription, to be started with {@link #start(List, Runnable)} once it is subscribed.
     *
     * @param response  the response the events are written to; its status and headers are set already
     * @param callback  the request's callback, completed when the subscription ends
     * @param encoding  the notifications' encoding
     * @param writer    the notifications' writer
     * @param filter    the filter, if any
     * @param stop      the stop time, if any
     * @param heartbeat the longest silence
     * @param queueSize the events that may wait
     * @param clock     the clock the stop time is read on
     */
    SseSubscription(final Response response, final Callback callback, final Encoding encoding,
            final NotificationWriter writer, final Optional<NotificationFilter> filter, final Optional<Instant> stop,
            final Duration heartbeat, final int queueSize, final Clock clock) {
        this.response = requireNonNull(response);
        this.callback = requireNonNull(callback);
        this.encoding = requireNonNull(encoding);
        this.writer = requireNonNull(writer);
        this.filter = requireNonNull(filter);
        this.stop = requireNonNull(stop);
        this.heartbeat = requireNonNull(heartbeat);
        this.clock = requireNonNull(clock);
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    /**
     * Starts the subscription's virtual thread.
     *
     * @param replayed the events to send before the live ones
     * @param onEnd    run when the subscription has ended, on its thread
     * @return the thread
     */
    Thread start(final List<StreamEvent> replayed, final Runnable onEnd) {
        this.replay = List.copyOf(replayed);
        final Thread started = Thread.ofVirtual().name("restconf-stream").unstarted(() -> {
            try {
                run();
            } finally {
                onEnd.run();
            }
        });
        thread = started;
        started.start();
        return started;
    }

    @Override
    public boolean offer(final StreamEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped = true;
        wake();
        return false;
    }

    @Override
    public void end() {
        ended = true;
        wake();
    }

    private void wake() {
        final Thread current = thread;
        if (current != null) {
            current.interrupt();
        }
    }

    @Override
    public void run() {
        try {
            // the first write sends the headers, so the client knows it is subscribed
            write(": " + NotificationStream.NAME + " stream, " + encoding.name().toLowerCase(java.util.Locale.ROOT)
                + "\n\n");
            for (StreamEvent event : replay) {
                if (pastStop(event.time()) || !send(event)) {
                    finish(Optional.empty());
                    return;
                }
            }
            replay = List.of();
            finish(live());
        } catch (IOException | TimeoutException e) {
            LOG.debug("an event stream subscriber is gone", e);
            callback.failed(e);
        }
    }

    /** Sends the live events until the stream ends; the reason to give the client, if any. */
    private Optional<String> live() throws IOException, TimeoutException {
        while (!ended && !dropped) {
            final Duration wait = stop.map(s -> Duration.between(clock.instant(), s)).filter(d -> d.compareTo(
                heartbeat) < 0).orElse(heartbeat);
            if (wait.isNegative() || wait.isZero()) {
                return Optional.empty();
            }
            final StreamEvent event;
            try {
                event = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // woken by end() or offer(): the loop's condition says which
                continue;
            }
            if (event == null) {
                if (stop.isEmpty() || clock.instant().isBefore(stop.orElseThrow())) {
                    write(": keep-alive\n\n");
                }
                continue;
            }
            if (pastStop(event.time())) {
                return Optional.empty();
            }
            send(event);
        }
        return dropped ? Optional.of("dropped: the client did not keep up with the stream") : Optional.empty();
    }

    private boolean pastStop(final Instant time) {
        return stop.isPresent() && time.isAfter(stop.orElseThrow());
    }

    /** Sends an event if the filter selects it; true to go on. */
    private boolean send(final StreamEvent event) throws IOException, TimeoutException {
        if (filter.isPresent() && !filter.orElseThrow().test(event)) {
            return true;
        }
        final StringBuilder text = new StringBuilder(512);
        for (String line : writer.write(event, encoding).split("\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        write(text.append('\n').toString());
        return true;
    }

    private void finish(final Optional<String> reason) throws IOException, TimeoutException {
        if (reason.isPresent()) {
            write(": " + reason.orElseThrow() + "\n\n");
        }
        final Callback.Completable done = new Callback.Completable();
        response.write(true, ByteBuffer.allocate(0), done);
        await(done);
        callback.succeeded();
    }

    private void write(final String text) throws IOException, TimeoutException {
        final Callback.Completable done = new Callback.Completable();
        response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), done);
        await(done);
    }

    private static void await(final Callback.Completable done) throws IOException, TimeoutException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (InterruptedException e) {
                    // a wake-up meant for the loop: the write still has to finish
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IOException("the event could not be written", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
