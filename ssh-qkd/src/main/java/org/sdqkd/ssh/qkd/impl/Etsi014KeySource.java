package org.sdqkd.ssh.qkd.impl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeyException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ETSI GS QKD 014 key source: POST {@code enc_keys} and {@code dec_keys} to the SAE's KME over HTTPS with the
 * SAE's client certificate, on the JDK's blocking {@link HttpsURLConnection} (HTTP/1.1, connections kept alive by the
 * JDK's cache between key exchanges). It is used rather than the JDK's asynchronous HttpClient because its calls run
 * on the caller's thread: on two cores, beside a busy SSH server, the HttpClient's thread hand-offs cost more than
 * the KME's own work (see the module README). Each call asks for one 256-bit key and is bounded by the timeout as a
 * whole: a shared deadline thread disconnects a call still awaiting the answer's headers at its deadline, and the body
 * is read against the same deadline (a KME trickling its answer byte by byte is given up, not waited for). Answers
 * are checked: exactly one
 * key, a UUID key_ID (the one asked, for {@code dec_keys}), 32 bytes of key. Messages and logs name key_IDs, never
 * keys.
 */
public final class Etsi014KeySource implements CloseableKeySource {
    private static final Logger LOG = LoggerFactory.getLogger(Etsi014KeySource.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_MESSAGE = 200;
    private static final int MAX_ANSWER = 64 * 1024;
    /** States of one call, for the deadline thread: it may disconnect a call only before the headers came. */
    private static final int AWAITING = 0;
    private static final int ANSWERED = 1;
    private static final int EXPIRED = 2;
    /** One daemon thread for all sources, disconnecting calls past their deadline; cancelled when the answer came. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final URI base;
    private final String localSaeId;
    private final Duration timeout;
    private final SSLSocketFactory sockets;
    private final int timeoutMillis;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Makes the key source.
     *
     * @param kmeUrl     the KME's base URL, https
     * @param tls        the SAE's TLS context
     * @param localSaeId the SAE ID, not blank
     * @param timeout    positive
     */
    public Etsi014KeySource(final URI kmeUrl, final SSLContext tls, final String localSaeId, final Duration timeout) {
        if (!"https".equalsIgnoreCase(kmeUrl.getScheme()) || kmeUrl.getHost() == null) {
            throw new IllegalArgumentException("the KME URL must be https://HOST[:PORT], not " + kmeUrl);
        }
        if (localSaeId.isBlank()) {
            throw new IllegalArgumentException("blank SAE ID");
        }
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("timeout not positive: " + timeout);
        }
        final String text = kmeUrl.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.localSaeId = localSaeId;
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
    public String localSaeId() {
        return localSaeId;
    }

    @Override
    public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
        final QkdKey key = post(peerSaeId, "enc_keys", "{\"number\":1,\"size\":" + Wire.QKD_KEY_BITS + "}", null);
        return key;
    }

    @Override
    public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
        return post(peerSaeId, "dec_keys", "{\"key_IDs\":[{\"key_ID\":\"" + keyId + "\"}]}", keyId);
    }

    private QkdKey post(final String peerSaeId, final String operation, final String body, final UUID expected)
            throws QkdKeyException {
        if (closed.get()) {
            throw new QkdKeyException(Reason.UNAVAILABLE, "the key source of " + localSaeId + " is closed");
        }
        final URL url;
        try {
            url = URI.create(base + "/api/v1/keys/" + URLEncoder.encode(peerSaeId, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/" + operation).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new QkdKeyException(Reason.INVALID, operation + " at " + base + ": not a URL: " + e.getMessage(), e);
        }
        final long start = System.nanoTime();
        final long deadline = start + timeout.toNanos();
        final AtomicInteger state = new AtomicInteger(AWAITING);
        final int status;
        final byte[] answer;
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
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/json");
            final byte[] request = body.getBytes(StandardCharsets.UTF_8);
            // not streamed: a streamed request leaves no error body to read after a 401
            try (OutputStream out = connection.getOutputStream()) {
                out.write(request);
            }
            if (state.get() == EXPIRED) {
                // the deadline came while connecting, when there was no socket yet to close
                throw new SocketTimeoutException("deadline");
            }
            status = connection.getResponseCode();
            if (!state.compareAndSet(AWAITING, ANSWERED)) {
                throw new SocketTimeoutException("deadline");
            }
            watchdog.cancel(false);
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                // read to the end, so that the connection goes back to the keep-alive cache
                answer = in == null ? new byte[0] : readBefore(in, deadline);
            }
        } catch (IOException e) {
            drop(connection);
            if (e instanceof SocketTimeoutException || state.get() == EXPIRED) {
                throw new QkdKeyException(Reason.UNAVAILABLE, operation + " at " + base + ": no answer within "
                    + timeoutMillis + " ms", e);
            }
            throw failure(operation, e);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
        try {
            if (answer.length > MAX_ANSWER) {
                throw new QkdKeyException(Reason.INVALID, operation + " at " + base + ": an answer over "
                    + MAX_ANSWER + " bytes");
            }
            if (status != 200) {
                final Reason reason = status >= 500 ? Reason.UNAVAILABLE
                    : status == 400 || status == 401 || status == 403 || status == 404 ? Reason.REFUSED
                    : Reason.INVALID;
                throw new QkdKeyException(reason, operation + " at " + base + " for SAE " + peerSaeId
                    + (expected == null ? "" : " and key_ID " + expected) + ": HTTP " + status + errorMessage(answer));
            }
            final QkdKey key = parse(answer, operation);
            if (expected != null && !expected.equals(key.id())) {
                key.erase();
                throw new QkdKeyException(Reason.INVALID, operation + " at " + base + ": asked for key_ID " + expected
                    + ", got " + key.id());
            }
            LOG.debug("{} at {} for SAE {}: key_ID {} in {} ms", operation, base, peerSaeId, key.id(),
                (System.nanoTime() - start) / 1_000_000);
            return key;
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
    }

    /** The reason and message of an I/O failure other than the deadline. */
    private QkdKeyException failure(final String operation, final IOException e) {
        if (e instanceof SSLException) {
            return new QkdKeyException(Reason.REFUSED, operation + " at " + base + ": the TLS handshake failed: "
                + e.getMessage(), e);
        }
        if (e instanceof ConnectException) {
            return new QkdKeyException(Reason.UNAVAILABLE, operation + " at " + base + ": cannot connect: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return new QkdKeyException(Reason.UNAVAILABLE, operation + " at " + base + ": " + e, e);
    }

    /**
     * Reads the answer to its end, or to one byte past the largest accepted; each read is bounded by the read
     * timeout and none starts after the deadline.
     */
    private static byte[] readBefore(final InputStream in, final long deadline) throws IOException {
        final byte[] buffer = new byte[MAX_ANSWER + 1];
        int length = 0;
        try {
            while (length < buffer.length) {
                if (System.nanoTime() - deadline > 0) {
                    throw new SocketTimeoutException("deadline");
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

    /** Reads a Key container holding exactly one key of {@value Wire#QKD_KEY_LENGTH} bytes. */
    private QkdKey parse(final byte[] answer, final String operation) throws QkdKeyException {
        UUID id = null;
        byte[] material = null;
        int keys = 0;
        try (JsonParser json = JSON.createParser(answer)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(operation, "not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                final String field = json.currentName();
                json.nextToken();
                if (!"keys".equals(field)) {
                    json.skipChildren();
                    continue;
                }
                if (json.currentToken() != JsonToken.START_ARRAY) {
                    throw invalid(operation, "keys is not an array");
                }
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    keys++;
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        final String member = json.currentName();
                        json.nextToken();
                        if ("key_ID".equals(member) && json.currentToken() == JsonToken.VALUE_STRING) {
                            id = uuid(json.getText(), operation);
                        } else if ("key".equals(member) && json.currentToken() == JsonToken.VALUE_STRING) {
                            if (material != null) {
                                Arrays.fill(material, (byte) 0);
                            }
                            material = json.getBinaryValue();
                        } else {
                            json.skipChildren();
                        }
                    }
                }
            }
        } catch (IOException e) {
            erase(material);
            throw invalid(operation, "malformed JSON: " + (e instanceof JsonProcessingException j
                ? j.getOriginalMessage() : e.getClass().getSimpleName()));
        } catch (QkdKeyException e) {
            erase(material);
            throw e;
        }
        if (keys != 1 || id == null || material == null) {
            erase(material);
            throw invalid(operation, keys != 1 ? "expected one key, got " + keys : "the key has no key_ID or no key");
        }
        if (material.length != Wire.QKD_KEY_LENGTH) {
            final int bits = material.length * 8;
            erase(material);
            throw invalid(operation, "expected a " + Wire.QKD_KEY_BITS + "-bit key, got " + bits + " bits");
        }
        try {
            return new QkdKey(id, material);
        } finally {
            erase(material);
        }
    }

    private QkdKeyException invalid(final String operation, final String detail) {
        return new QkdKeyException(Reason.INVALID, operation + " at " + base + ": " + detail);
    }

    private UUID uuid(final String text, final String operation) throws QkdKeyException {
        try {
            final UUID id = UUID.fromString(text);
            if (id.toString().equals(text.toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid(operation, "key_ID is not a UUID: " + (text.length() > 40 ? text.substring(0, 40) + "..."
            : text));
    }

    /** The ETSI Error's {@code message}, shortened, when the body has one. */
    private static String errorMessage(final byte[] body) {
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    final String field = json.currentName();
                    json.nextToken();
                    if ("message".equals(field) && json.currentToken() == JsonToken.VALUE_STRING) {
                        final String message = json.getText();
                        return ": " + (message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..."
                            : message);
                    }
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            // no ETSI error body
        }
        return "";
    }

    private static void erase(final byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public void close() {
        // idle keep-alive connections are the JDK's, closed by its cache after their idle time
        closed.set(true);
    }

    @Override
    public String toString() {
        return "Etsi014KeySource[" + localSaeId + " at " + base + "]";
    }
}
