package org.sdqkd.etsi014.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.etsi014.Etsi014Client;
import org.sdqkd.etsi014.api.Etsi014Exception;
import org.sdqkd.etsi014.api.Etsi014Exception.Failure;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.Status;
import org.sdqkd.testsupport.kme.ScriptedKme;
import org.sdqkd.testsupport.tls.TestCertificates;

/** The client against a scripted HTTPS server with client certificates, on loopback. */
@Timeout(60)
class HttpsKmeClientTest {
    private static final TestCertificates CA = new TestCertificates("test CA");

    private record Seen(String method, String path, String body) {
    }

    private ScriptedKme kme;
    private Etsi014Client client;

    @BeforeEach
    void start() throws IOException {
        kme = ScriptedKme.start(CA);
        client = Etsi014Client.https(URI.create("https://127.0.0.1:" + kme.port() + "/"),
            CA.context("sae-a", false, CA), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        client.close();
        kme.close();
    }

    @Test
    void getsStatus() throws Exception {
        final Status status = Status.of("A", "B", "sae-a", "sae-b", 256, 5, 9, 16, 8192, 64, 2);
        kme.answer(200, new String(SmallFormats.write(status), UTF_8));
        assertEquals(status, client.status("sae-b"));
        assertEquals(new Seen("GET", "/api/v1/keys/sae-b/status", ""), seen(0));
    }

    @Test
    void postsEncKeysAndDecKeys() throws Exception {
        final UUID id = UUID.randomUUID();
        kme.answer(200, "{\"keys\":[{\"key_ID\":\"" + id + "\",\"key\":\"AQIDBAUGBwg=\"}]}");
        final KeyContainer keys = client.encKeys("sae b", KeyRequest.of(1, 64));
        assertEquals(id, keys.keys().getFirst().id());
        assertEquals(new Seen("POST", "/api/v1/keys/sae%20b/enc_keys", "{\"number\":1,\"size\":64}"),
            seen(0));
        keys.erase();
        client.decKeys("sae-b", KeyIds.of(List.of(id))).erase();
        assertEquals(new Seen("POST", "/api/v1/keys/sae-b/dec_keys", "{\"key_IDs\":[{\"key_ID\":\"" + id + "\"}]}"),
            seen(1));
    }

    @Test
    void refusalsCarryTheStatusAndTheKmesError() {
        kme.answer(401, "{\"message\":\"not your key\",\"details\":[{\"key_ID\":\"x\"}]}");
        final Etsi014Exception e = assertThrows(Etsi014Exception.class, () -> client.encKeys("sae-b",
            KeyRequest.of(1, 256)));
        assertEquals(Failure.HTTP_STATUS, e.failure());
        assertEquals(401, e.httpStatus());
        assertEquals("not your key", e.kmeError().orElseThrow().message());
        assertTrue(e.getMessage().endsWith(": HTTP 401: not your key"), e.getMessage());
        kme.answer(503, "not json");
        final Etsi014Exception plain = assertThrows(Etsi014Exception.class, () -> client.status("sae-b"));
        assertEquals(503, plain.httpStatus());
        assertTrue(plain.kmeError().isEmpty());
    }

    @Test
    void malformedAndOversizeAnswersAreMalformed() {
        kme.answer(200, "{\"keys\":[{");
        assertEquals(Failure.MALFORMED, assertThrows(Etsi014Exception.class,
            () -> client.encKeys("sae-b", KeyRequest.of(1, 256))).failure());
        kme.answer(200, "{\"keys\":[],\"pad\":\"" + "x".repeat(70_000) + "\"}");
        final Etsi014Exception big = assertThrows(Etsi014Exception.class,
            () -> client.encKeys("sae-b", KeyRequest.of(1, 256)));
        assertEquals(Failure.MALFORMED, big.failure());
        assertTrue(big.getMessage().contains("an answer over"), big.getMessage());
    }

    @Test
    void aClosedClientRefusesCalls() {
        client.close();
        assertEquals(Failure.CLOSED, assertThrows(Etsi014Exception.class, () -> client.status("sae-b")).failure());
    }

    @Test
    void anUntrustedKmeIsATlsFailure() {
        final TestCertificates other = new TestCertificates("other CA");
        try (Etsi014Client wrong = Etsi014Client.https(URI.create("https://127.0.0.1:"
                + kme.port()), other.context("sae-a", false, other), Duration.ofSeconds(2))) {
            assertEquals(Failure.TLS, assertThrows(Etsi014Exception.class, () -> wrong.status("sae-b")).failure());
        }
        assertTrue(kme.requests().isEmpty());
    }

    private Seen seen(final int index) {
        final ScriptedKme.Request request = kme.requests().get(index);
        return new Seen(request.method(), request.path(), request.body());
    }
}
