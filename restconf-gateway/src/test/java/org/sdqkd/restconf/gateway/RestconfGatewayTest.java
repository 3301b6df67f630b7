package org.sdqkd.restconf.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.PasswordHash;

/** The start-time rules: HTTPS unless plain HTTP is asked for, loopback unless more is asked for, users required. */
final class RestconfGatewayTest {
    private static final EffectiveModelContext MODELS = YangModels.projectModels();
    private static final PasswordHash HASH = PasswordHash.hash("pw".toCharArray(), PasswordHash.MIN_ITERATIONS);

    @TempDir
    Path directory;
    private Datastores datastores;

    @BeforeEach
    void open() throws Exception {
        datastores = Datastores.open(directory, MODELS);
    }

    @AfterEach
    void close() {
        datastores.close();
    }

    private RestconfGateway.Builder builder() {
        return RestconfGateway.builder(datastores, MODELS);
    }

    @Test
    void refusesToStartWithoutTlsUnlessPlainHttpIsAskedFor() {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> builder().passwords(Map.of("admin", HASH)).start());
        assertTrue(refused.getMessage().contains("HTTPS"), refused.getMessage());
    }

    @Test
    void refusesPlainHttpBeyondLoopbackUnlessAskedFor() {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> builder().listen("0.0.0.0", 0).plainHttp().passwords(Map.of("admin", HASH)).start());
        assertTrue(refused.getMessage().contains("plain HTTP") && refused.getMessage().contains("loopback"),
            refused.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> RestconfGateway.start(datastores, MODELS, "0.0.0.0", 0));
    }

    @Test
    void refusesUnauthenticatedRequestsBeyondLoopback() {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> builder().listen("0.0.0.0", 0).plainHttp().plainHttpBeyondLoopback().unauthenticated().start());
        assertTrue(refused.getMessage().contains("configure users"), refused.getMessage());
    }

    @Test
    void refusesToStartWithoutUsers() throws Exception {
        final KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> builder().tls(empty, "x", empty).start());
        assertTrue(refused.getMessage().contains("no users"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder().plainHttp().tls(empty, "x", empty)
            .passwords(Map.of("admin", HASH)).start(), "TLS and plain HTTP at once");
        assertThrows(IllegalArgumentException.class, () -> builder().plainHttp()
            .clientCertificates(Map.of("cn", "admin")).start(), "certificates without TLS");
    }

    @Test
    void servesBasicOverPlainHttpOnlyWhenAskedFor() throws Exception {
        try (RestconfGateway gateway = builder().plainHttp().passwords(Map.of("admin", HASH)).start()) {
            assertTrue(gateway.restconfRoot().toString().startsWith("http://127.0.0.1:"));
            final HttpClient client = HttpClient.newHttpClient();
            final URI root = gateway.restconfRoot();
            assertEquals(401, client.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
            final String basic = "Basic " + Base64.getEncoder().encodeToString(
                "admin:pw".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, client.send(HttpRequest.newBuilder(root).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
