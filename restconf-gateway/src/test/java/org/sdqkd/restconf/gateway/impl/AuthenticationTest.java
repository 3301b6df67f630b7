package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.restconf.gateway.RestconfGateway;

/** HTTP Basic in front of a handler that answers the user name it was given (plain HTTP on loopback). */
final class AuthenticationTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Server server;
    private PasswordChecks checks;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        final Users users = new Users(Map.of("admin", PasswordHash.hash("s3cret:with colon".toCharArray(),
            PasswordHash.MIN_ITERATIONS)), Map.of());
        server = new Server();
        final ServerConnector connector = Connectors.add(server, new ServerSettings(
            new InetSocketAddress("127.0.0.1", 0), Optional.empty(), Optional.of(users), Limits.DEFAULT, false));
        checks = new PasswordChecks(users.passwords(), 1, Duration.ofMinutes(1));
        server.setHandler(new Authentication(new Handler.Abstract() {
            @Override
            public boolean handle(final Request request, final Response response, final Callback callback) {
                Content.Sink.write(response, true, "user=" + request.getAttribute(RestconfGateway.USER_ATTRIBUTE),
                    callback);
                return true;
            }
        }, users, checks, new LoginThrottle(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMinutes(1)),
            new ErrorWriter(ModelCodecs.of(TestModels.CONTEXT))));
        server.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/restconf");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        checks.close();
    }

    private HttpResponse<String> get(final String authorization) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(final String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givesTheHandlerTheAuthenticatedUser() throws Exception {
        final HttpResponse<String> answer = get(basic("admin:s3cret:with colon"));
        assertEquals(200, answer.statusCode());
        assertEquals("user=admin", answer.body());
        assertEquals("user=admin", get("basic " + Base64.getEncoder().encodeToString(
            "admin:s3cret:with colon".getBytes(StandardCharsets.UTF_8))).body(), "the scheme is case-insensitive");
    }

    @Test
    void refusesMalformedCredentialsWithoutTellingWhy() throws Exception {
        final String[] malformed = {"Bearer abc", "Basic", "Basic !!!notbase64", basic("no colon"), basic(":empty"),
            "Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xff})};
        final HttpResponse<String> reference = get(basic("admin:wrong"));
        assertEquals(401, reference.statusCode());
        for (String header : malformed) {
            final HttpResponse<String> answer = get(header);
            assertEquals(401, answer.statusCode(), header);
            assertEquals(reference.body(), answer.body(), header);
            assertFalse(answer.body().contains("Exception") || answer.body().contains("at org."), answer.body());
        }
        assertTrue(reference.body().contains("access-denied"));
    }
}
