package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.sdqkd.qkd.node.api.TlsIdentity;

/** Asks a KME, as one SAE, how many keys it holds for another (ETSI GS QKD 014 status): the demo's progress. */
final class KmeProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI status;

    /**
     * A probe.
     *
     * @param pki      the PKI directory ({@code ca.crt}, {@code <sae>.crt}, {@code <sae>.key})
     * @param master   the SAE that asks
     * @param slave    the SAE it shares keys with
     * @param kmePort  the master's KME port on 127.0.0.1
     * @throws IOException when the SAE's files cannot be read
     */
    KmeProbe(final Path pki, final String master, final String slave, final int kmePort) throws IOException {
        final TlsIdentity sae = TlsIdentity.load(pki.resolve(master + ".crt"), pki.resolve(master + ".key"),
            pki.resolve("ca.crt"));
        this.client = HttpClient.newBuilder().sslContext(sae.sslContext()).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        this.status = URI.create("https://127.0.0.1:" + kmePort + "/api/v1/keys/" + slave + "/status");
    }

    /** The {@code stored_key_count} the KME reports now, or empty when it did not answer with a status. */
    OptionalLong storedKeys() throws InterruptedException {
        try {
            final HttpResponse<String> response = client.send(HttpRequest.newBuilder(status)
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            final JsonNode body = JSON.readTree(response.body());
            return body.path("stored_key_count").canConvertToLong()
                ? OptionalLong.of(body.path("stored_key_count").longValue()) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
