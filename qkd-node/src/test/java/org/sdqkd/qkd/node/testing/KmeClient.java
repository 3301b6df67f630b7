package org.sdqkd.qkd.node.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.sdqkd.etsi014.api.Etsi014Error;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.Etsi014Json;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.etsi014.api.Status;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.api.DeliveredKey;

/**
 * An ETSI GS QKD 014 client on the JDK {@link HttpClient} (HTTP/1.1 over TLS, keep-alive), calling as the SAE its
 * certificate names. Answers are parsed strictly with the etsi014 module's codec (Status, Key container, Error);
 * a refusal is a
 * {@link KmeClientException} holding the status and the Error body. Thread-safe: one client may serve many threads.
 */
public final class KmeClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * A raw answer.
     *
     * @param status  the HTTP status
     * @param version the HTTP version used
     * @param headers the response headers
     * @param body    the body, as text
     */
    public record Reply(int status, HttpClient.Version version, HttpHeaders headers, String body) {
    }

    private final URI base;
    private final HttpClient http;

    private KmeClient(final URI base, final HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /**
     * A client with an SAE's identity.
     *
     * @param kme the KME's address, {@code https://127.0.0.1:PORT}
     * @param sae the SAE's certificate and the CA that issued the KME's
     * @return the client
     */
    public static KmeClient connect(final URI kme, final TlsIdentity sae) {
        return connect(kme, sae.sslContext());
    }

    /**
     * A client with any TLS context (one without a certificate, one of another CA).
     *
     * @param kme     the KME's address
     * @param context the TLS context
     * @return the client
     */
    public static KmeClient connect(final URI kme, final SSLContext context) {
        return connect(kme, context, HttpClient.Version.HTTP_1_1);
    }

    /**
     * A client with any TLS context and HTTP version.
     *
     * @param kme     the KME's address
     * @param context the TLS context
     * @param version HTTP/1.1, or HTTP/2 (negotiated by ALPN)
     * @return the client
     */
    public static KmeClient connect(final URI kme, final SSLContext context, final HttpClient.Version version) {
        final HttpClient http = HttpClient.newBuilder().version(version).sslContext(context)
            .connectTimeout(TIMEOUT).build();
        final String text = requireNonNull(kme).toString();
        return new KmeClient(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text), http);
    }

    /** GET {@code /api/v1/keys/{slave}/status}. */
    public Status status(final String slave) throws IOException, KmeClientException {
        final Reply reply = ok(exchange("GET", keys(slave, "status"), null));
        try {
            return Etsi014Json.readStatus(reply.body().getBytes(StandardCharsets.UTF_8));
        } catch (Etsi014FormatException e) {
            throw new IOException("not a Status: " + e.getMessage(), e);
        }
    }

    /** POST {@code /api/v1/keys/{slave}/enc_keys} with a Key request; the caller erases the keys. */
    public List<DeliveredKey> encKeys(final String slave, final int number, final int size,
            final List<String> additionalSlaves) throws IOException, KmeClientException {
        final KeyRequest request = KeyRequest.of(number, size).withAdditionalSlaves(additionalSlaves);
        return keyContainer(exchange("POST", keys(slave, "enc_keys"),
            new String(Etsi014Json.write(request), StandardCharsets.UTF_8)));
    }

    /** GET {@code /api/v1/keys/{slave}/enc_keys?number=N&size=S}; the caller erases the keys. */
    public List<DeliveredKey> encKeysGet(final String slave, final int number, final int size)
            throws IOException, KmeClientException {
        return keyContainer(exchange("GET", keys(slave, "enc_keys") + "?number=" + number + "&size=" + size, null));
    }

    /** POST {@code /api/v1/keys/{master}/dec_keys} with Key IDs; the caller erases the keys. */
    public List<DeliveredKey> decKeys(final String master, final List<UUID> keyIds)
            throws IOException, KmeClientException {
        return keyContainer(exchange("POST", keys(master, "dec_keys"),
            new String(Etsi014Json.write(KeyIds.of(keyIds)), StandardCharsets.UTF_8)));
    }

    /** GET {@code /api/v1/keys/{master}/dec_keys?key_ID=UUID}; the caller erases the keys. */
    public List<DeliveredKey> decKeysGet(final String master, final UUID keyId)
            throws IOException, KmeClientException {
        return keyContainer(exchange("GET", keys(master, "dec_keys") + "?key_ID=" + keyId, null));
    }

    /**
     * Any request, answered as received.
     *
     * @param method       the HTTP method
     * @param pathAndQuery the path from {@code /}, with its query
     * @param body         a JSON body, or null for none
     * @return the answer
     * @throws IOException when the exchange fails (TLS handshake, connection)
     */
    public Reply exchange(final String method, final String pathAndQuery, final String body) throws IOException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT)
            .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            final HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.version(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted: " + method + " " + pathAndQuery);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private static String keys(final String sae, final String operation) {
        return "/api/v1/keys/" + URLEncoder.encode(sae, StandardCharsets.UTF_8).replace("+", "%20") + "/"
            + operation;
    }

    private static List<DeliveredKey> keyContainer(final Reply reply) throws IOException, KmeClientException {
        final byte[] body = ok(reply).body().getBytes(StandardCharsets.UTF_8);
        final KeyContainer container;
        try {
            container = Etsi014Json.readKeyContainer(body);
        } catch (Etsi014FormatException e) {
            throw new IOException("not a Key container: " + e.getMessage(), e);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
        final List<DeliveredKey> result = new ArrayList<>(container.keys().size());
        for (QkdKey key : container.keys()) {
            final byte[] bytes = key.material();
            try {
                result.add(new DeliveredKey(key.id(), KeyBytes.copyOf(bytes)));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        container.erase();
        return result;
    }

    private static Reply ok(final Reply reply) throws IOException, KmeClientException {
        if (reply.status() == 200) {
            return reply;
        }
        final Etsi014Error error;
        try {
            error = Etsi014Json.readError(reply.body().getBytes(StandardCharsets.UTF_8));
        } catch (Etsi014FormatException e) {
            throw new IOException("HTTP " + reply.status() + " with a body that is not an Error: " + e.getMessage(),
                e);
        }
        throw new KmeClientException(reply.status(), error.message(), error.details(), reply.body());
    }
}
