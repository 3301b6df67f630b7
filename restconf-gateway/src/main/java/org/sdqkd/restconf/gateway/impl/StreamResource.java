package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.sdqkd.restconf.gateway.StreamLimits;

/**
 * The stream resources {@code {+restconf}/streams/NETCONF/json} and {@code .../xml} (RFC 8040 sections 6.2, 6.3): a
 * GET with {@code Accept: text/event-stream} (or none, or a wildcard) opens a subscription whose notifications are
 * Server-Sent Events in that encoding, with the query parameters {@code filter}, {@code start-time} and
 * {@code stop-time}. Closing ends every subscription and waits briefly for their responses to end.
 */
final class StreamResource implements AutoCloseable {
    /** The path segment of the streams under the RESTCONF root. */
    static final String SEGMENT = "streams";
    /** The SSE media type. */
    static final String EVENT_STREAM = "text/event-stream";
    /** The methods a stream resource allows. */
    static final String ALLOWED = "GET, HEAD, OPTIONS";

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final NotificationStream stream;
    private final NotificationWriter writer;
    private final ModelCodecs models;
    private final StreamLimits limits;
    private final Clock clock;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();

    StreamResource(final NotificationStream stream, final ModelCodecs models, final StreamLimits limits,
            final Clock clock) {
        this.stream = requireNonNull(stream);
        this.models = requireNonNull(models);
        this.writer = new NotificationWriter(models);
        this.limits = requireNonNull(limits);
        this.clock = requireNonNull(clock);
    }

    /**
     * The location of a stream in an encoding (the {@code access/location} leaf of RFC 8040 section 9.3).
     *
     * @param restconfRoot the RESTCONF root as the client reached it
     * @param encoding     the encoding
     * @return {@code {root}/streams/NETCONF/json} or {@code .../xml}
     */
    static String location(final String restconfRoot, final Encoding encoding) {
        return restconfRoot + "/" + SEGMENT + "/" + NotificationStream.NAME + "/" + encodingName(encoding);
    }

    /** The encoding's name in the monitoring data: {@code json} or {@code xml}. */
    static String encodingName(final Encoding encoding) {
        return encoding.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The encoding a stream path names.
     *
     * @param rest the path after {@code {+restconf}/streams/}
     * @return the encoding
     * @throws RestconfException 404 when no stream is there
     */
    static Encoding encodingAt(final String rest) throws RestconfException {
        for (Encoding encoding : Encoding.values()) {
            if (rest.equals(NotificationStream.NAME + "/" + encodingName(encoding))) {
                return encoding;
            }
        }
        throw new RestconfException(404, RestconfError.of(ErrorTag.INVALID_VALUE, "no event stream at " + rest
            + "; the streams are " + NotificationStream.NAME + "/json and " + NotificationStream.NAME + "/xml"));
    }

    /**
     * Answers a request to a stream resource.
     *
     * @param request  the request
     * @param response the response
     * @param callback completed when the answer, or the subscription, ends
     * @param encoding the stream's encoding
     * @param query    the decoded query
     * @throws RestconfException for a wrong method, Accept or query parameter, or too many subscribers
     */
    void handle(final Request request, final Response response, final Callback callback, final Encoding encoding,
            final Fields query) throws RestconfException {
        final String method = request.getMethod();
        switch (method) {
            case "GET", "HEAD" -> {
                // the answer's media type is decided below
            }
            case "OPTIONS" -> {
                ReadOnlyAnswer.send(method, response, callback, EVENT_STREAM, new byte[0], ALLOWED);
                return;
            }
            default -> throw new RestconfException(405, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED,
                "method " + method + " is not allowed on a stream; allowed: " + ALLOWED));
        }
        requireEventStream(request.getHeaders().get(HttpHeader.ACCEPT));
        final Instant now = clock.instant();
        final StreamParameters parameters = StreamParameters.of(query, now, stream.replaySupported());
        final Optional<NotificationFilter> filter = parameters.filter().isEmpty() ? Optional.empty()
            : Optional.of(NotificationFilter.of(parameters.filter().orElseThrow(), models.context(), writer));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, EVENT_STREAM + ";charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        if ("HEAD".equals(method)) {
            response.write(true, java.nio.ByteBuffer.allocate(0), callback);
            return;
        }
        final SseSubscription subscription = new SseSubscription(response, callback, encoding, writer, filter,
            parameters.stop(), limits.heartbeat(), limits.queueSize(), clock);
        final List<StreamEvent> replayed = stream.subscribe(subscription, parameters.start());
        final Thread thread = subscription.start(replayed, () -> {
            stream.unsubscribe(subscription);
            running.remove(Thread.currentThread());
        });
        running.add(thread);
        if (!thread.isAlive()) {
            running.remove(thread);
        }
    }

    /** RFC 8040 section 6.3: the client asks for {@code text/event-stream}; no Accept or a wildcard is taken as it. */
    private static void requireEventStream(final String accept) throws RestconfException {
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            final String type = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (EVENT_STREAM.equals(type) || "*/*".equals(type) || "text/*".equals(type)) {
                return;
            }
        }
        throw new RestconfException(406, RestconfError.of(ErrorTag.INVALID_VALUE,
            "a stream answers " + EVENT_STREAM + " only; Accept was " + accept));
    }

    /** Ends every subscription and waits up to two seconds for their responses to end. */
    @Override
    public void close() {
        stream.close();
        final long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (Thread thread : List.copyOf(running)) {
            final long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
