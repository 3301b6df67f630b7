package org.sdqkd.etsi014.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.sdqkd.etsi014.Etsi014Client;
import org.sdqkd.etsi014.api.Etsi014Error;
import org.sdqkd.etsi014.api.Etsi014Exception;
import org.sdqkd.etsi014.api.Etsi014Exception.Failure;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.Etsi014Json;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.Status;

/**
 * The ETSI GS QKD 014 client on the JDK's blocking {@link HttpsURLConnection} (HTTP/1.1, connections kept alive by
 * the JDK's cache). It is used rather than the JDK's asynchronous HttpClient because its calls run on the caller's
 * thread: on two cores, beside a busy SSH server, the HttpClient's thread hand-offs cost more than the KME's own work.
 * Each call is bounded by the timeout as a whole: a shared deadline thread disconnects a call still awaiting the
 * answer's headers at its deadline, and the body is read against the same deadline (a KME trickling its answer byte by
 * byte is given up, not waited for). Answers are read up to the size the request can produce.
 */
public final class HttpsKmeClient implements Etsi014Client {
    private static final int MAX_MESSAGE = 200;
    /** States of one call, for the deadline thread: it may disconnect a call only before the headers came. */
    private static final int AWAITING = 0;
    private static final int ANSWERED = 1;
    private static final int EXPIRED = 2;
    /** One daemon thread for all clients, disconnecting calls past their deadline; cancelled when the answer came. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final URI base;
    private final Duration timeout;
    private final SSLSocketFactory sockets;
    private final int timeoutMillis;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** An answer: its status and body, which the caller erases. */
    private record Answer(int status, byte[] body) {
    }

    /**
     * Makes the client.
     *
     * @param kmeUrl  the KME's base URL, https
     * @param tls     the SAE's TLS context
     * @param timeout positive
     */
    public HttpsKmeClient(final URI kmeUrl, final SSLContext tls, final Duration timeout) {
        if (!"https".equalsIgnoreCase(kmeUrl.getScheme()) || kmeUrl.getHost() == null) {
            throw new IllegalArgumentException("the KME URL must be https://HOST[:PORT], not " + kmeUrl);
        }
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("timeout not positive: " + timeout);
        }
        final String text = kmeUrl.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.timeout = timeout;
        this.sockets = tls.getSocketFactory();
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            final Thread thread = new Thread(task, "etsi014-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public Status status(final String slaveSaeId) throws Etsi014Exception {
        final String call = "status at " + base + " for SAE " + slaveSaeId;
        final Answer answer = call(call, slaveSaeId, "status", null, Etsi014Limits.MAX_SMALL_ANSWER);
        try {
            return Etsi014Json.readStatus(answer.body());
        } catch (Etsi014FormatException e) {
            throw new Etsi014Exception(Failure.MALFORMED, 0, null, call + ": " + e.getMessage(), e);
        }
    }

    @Override
    public KeyContainer encKeys(final String slaveSaeId, final KeyRequest request) throws Etsi014Exception {
        final String call = "enc_keys at " + base + " for SAE " + slaveSaeId;
        return keys(call, slaveSaeId, "enc_keys", Etsi014Json.write(request), Etsi014Limits.maxKeyContainerBytes(
            request.number().orElse(1), request.size().orElse(Etsi014Limits.MAX_KEY_SIZE)));
    }

    @Override
    public KeyContainer decKeys(final String masterSaeId, final KeyIds ids) throws Etsi014Exception {
        final String call = "dec_keys at " + base + " for SAE " + masterSaeId
            + (ids.keyIds().size() == 1 ? " and key_ID " + ids.keyIds().getFirst().keyId() : "");
        return keys(call, masterSaeId, "dec_keys", Etsi014Json.write(ids),
            Etsi014Limits.maxKeyContainerBytes(ids.keyIds().size(), Etsi014Limits.MAX_KEY_SIZE));
    }

    private KeyContainer keys(final String call, final String sae, final String operation, final byte[] request,
            final int limit) throws Etsi014Exception {
        final Answer answer = call(call, sae, operation, request, limit);
        try {
            return Etsi014Json.readKeyContainer(answer.body());
        } catch (Etsi014FormatException e) {
            throw new Etsi014Exception(Failure.MALFORMED, 0, null, call + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(answer.body(), (byte) 0);
        }
    }

    /** One call; a 200 answer is returned, anything else thrown. */
    private Answer call(final String call, final String sae, final String operation, final byte[] request,
            final int limit) throws Etsi014Exception {
        if (closed.get()) {
            throw new Etsi014Exception(Failure.CLOSED, 0, null, call + ": the client is closed", null);
        }
        final URL url;
        try {
            url = URI.create(base + "/api/v1/keys/" + URLEncoder.encode(sae, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/" + operation).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new Etsi014Exception(Failure.MALFORMED, 0, null, call + ": not a URL: " + e.getMessage(), e);
        }
        final Answer answer = exchange(call, url, request, limit);
        if (answer.status() == 200) {
            return answer;
        }
        Etsi014Error error = null;
        try {
            error = Etsi014Json.readError(answer.body());
        } catch (Etsi014FormatException e) {
            // no ETSI Error body; the status says enough
        }
        final String message = error == null ? "" : ": " + (error.message().length() > MAX_MESSAGE
            ? error.message().substring(0, MAX_MESSAGE) + "..." : error.message());
        throw new Etsi014Exception(Failure.HTTP_STATUS, answer.status(), error, call + ": HTTP " + answer.status()
            + message, null);
    }

    private Answer exchange(final String call, final URL url, final byte[] request, final int limit)
            throws Etsi014Exception {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final AtomicInteger state = new AtomicInteger(AWAITING);
        HttpsURLConnection connection = null;
        ScheduledFuture<?> watchdog = null;
        try {
            connection = (HttpsURLConnection) url.openConnection();
            final HttpsURLConnection open = connection;
            // closes the socket of a call still awaiting the headers (each read has its own timeout, which a
            // trickling KME would never trip); the body is read against the deadline below
            watchdog = DEADLINES.schedule(() -> {
                if (state.compareAndSet(AWAITING, EXPIRED)) {
                    open.disconnect();
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            connection.setSSLSocketFactory(sockets);
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Accept", "application/json");
            if (request == null) {
                connection.setRequestMethod("GET");
                connection.connect();
            } else {
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                // not streamed: a streamed request leaves no error body to read after a 401
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(request);
                }
            }
            if (state.get() == EXPIRED) {
                // the deadline came while connecting, when there was no socket yet to close
                throw new SocketTimeoutException("deadline");
            }
            final int status = connection.getResponseCode();
            if (!state.compareAndSet(AWAITING, ANSWERED)) {
                throw new SocketTimeoutException("deadline");
            }
            watchdog.cancel(false);
            final byte[] body;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                // read to the end, so that the connection goes back to the keep-alive cache
                body = in == null ? new byte[0] : readBefore(in, deadline, limit);
            }
            if (body.length > limit) {
                Arrays.fill(body, (byte) 0);
                drop(connection);
                throw new Etsi014Exception(Failure.MALFORMED, 0, null, call + ": an answer over " + limit + " bytes",
                    null);
            }
            return new Answer(status, body);
        } catch (IOException e) {
            drop(connection);
            if (e instanceof SocketTimeoutException || state.get() == EXPIRED) {
                throw new Etsi014Exception(Failure.TIMEOUT, 0, null, call + ": no answer within " + timeoutMillis
                    + " ms", e);
            }
            if (e instanceof SSLException) {
                throw new Etsi014Exception(Failure.TLS, 0, null, call + ": the TLS handshake failed: "
                    + e.getMessage(), e);
            }
            throw new Etsi014Exception(Failure.UNREACHABLE, 0, null, call + (e instanceof ConnectException
                ? ": cannot connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                : ": " + e), e);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    /**
     * Reads the answer to its end, or to one byte past the largest accepted; each read is bounded by the read
     * timeout and none starts after the deadline.
     */
    private static byte[] readBefore(final InputStream in, final long deadline, final int limit) throws IOException {
        byte[] buffer = new byte[Math.min(limit + 1, 16 * 1024)];
        int length = 0;
        try {
            while (length <= limit) {
                if (System.nanoTime() - deadline > 0) {
                    throw new SocketTimeoutException("deadline");
                }
                if (length == buffer.length) {
                    final byte[] larger = Arrays.copyOf(buffer, (int) Math.min(limit + 1L, buffer.length * 2L));
                    Arrays.fill(buffer, (byte) 0);
                    buffer = larger;
                }
                final int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            return Arrays.copyOf(buffer, length);
        } finally {
            Arrays.fill(buffer, 0, length, (byte) 0);
        }
    }

    /** Closes a connection that failed, so that it never goes back to the keep-alive cache. */
    private static void drop(final HttpsURLConnection connection) {
        if (connection != null) {
            connection.disconnect();
        }
    }

    @Override
    public void close() {
        // idle keep-alive connections are the JDK's, closed by its cache after their idle time
        closed.set(true);
    }

    @Override
    public String toString() {
        return "HttpsKmeClient[" + base + "]";
    }
}
