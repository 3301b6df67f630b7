package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.sdqkd.testsupport.tls.TestCertificates;

/**
 * The gateway over HTTPS: TLS 1.3, HTTP/2 by ALPN with HTTP/1.1 as the fallback, clients authenticated by HTTP Basic
 * against PBKDF2 hashes or by a mapped client certificate, failures answered 401 alike and slowed down.
 */
final class GatewayTlsTest {
    private static final String PASSWORD = "correct horse";
    private static TestCertificates pki;
    private static KeyStore serverKeys;
    private static PasswordHash hash;

    @TempDir
    Path directory;
    private Datastores datastores;
    private RestconfGateway gateway;

    @BeforeAll
    static void pki() {
        pki = new TestCertificates("restconf-test-ca");
        serverKeys = pki.keyStore("gateway", true);
        hash = PasswordHash.hash(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (datastores != null) {
            datastores.close();
        }
    }

    private URI start(final UnaryOperator<RestconfGateway.Builder> settings) throws Exception {
        datastores = Datastores.open(directory.resolve("datastore"), TestModels.CONTEXT);
        gateway = settings.apply(RestconfGateway.builder(datastores, TestModels.CONTEXT).listen("127.0.0.1", 0)
            .tls(serverKeys, TestCertificates.KEY_STORE_PASSWORD, pki.trustStore())
            .passwords(Map.of("admin", hash))
            .clientCertificates(Map.of("orchestrator-1", "orchestrator", "urn:example:noc", "noc"))).start();
        return gateway.restconfRoot();
    }

    private static HttpClient client(final HttpClient.Version version, final SSLContext context) {
        return HttpClient.newBuilder().version(version).sslContext(context).connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    private static String basic(final String user, final String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(final HttpClient client, final URI uri, final String... headers)
            throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesHttp2OverTls13NegotiatedByAlpn() throws Exception {
        final URI root = start(builder -> builder);
        assertTrue(root.toString().startsWith("https://127.0.0.1:"), root.toString());
        final HttpResponse<String> answer = get(client(HttpClient.Version.HTTP_2, pki.clientContext(null, "TLS")),
            root, "Authorization", basic("admin", PASSWORD));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(HttpClient.Version.HTTP_2, answer.version());
        assertEquals("TLSv1.3", answer.sslSession().orElseThrow().getProtocol());
        assertTrue(answer.body().contains("ietf-restconf:restconf"), answer.body());
    }

    @Test
    void fallsBackToHttp11() throws Exception {
        final URI root = start(builder -> builder);
        final HttpResponse<String> answer = get(client(HttpClient.Version.HTTP_1_1,
            pki.clientContext(null, "TLS")), root, "Authorization", basic("admin", PASSWORD));
        assertEquals(200, answer.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, answer.version());
    }

    @Test
    void refusesTls12UnlessAllowed() throws Exception {
        final URI root = start(builder -> builder);
        final HttpClient tls12 = HttpClient.newBuilder().sslContext(pki.clientContext(null, "TLS"))
            .sslParameters(new SSLParameters(null, new String[] {"TLSv1.2"})).build();
        assertThrows(IOException.class, () -> get(tls12, root, "Authorization", basic("admin", PASSWORD)));
        gateway.close();
        datastores.close();
        final URI allowed = start(RestconfGateway.Builder::allowTls12);
        final HttpResponse<String> answer = get(tls12, allowed, "Authorization", basic("admin", PASSWORD));
        assertEquals(200, answer.statusCode());
        assertEquals("TLSv1.2", answer.sslSession().orElseThrow().getProtocol());
    }

    @Test
    void answersMissingCredentialsWithBasicChallengeAndAccessDenied() throws Exception {
        final URI root = start(builder -> builder);
        final HttpClient client = client(HttpClient.Version.HTTP_2, pki.clientContext(null, "TLS"));
        final HttpResponse<String> json = get(client, URI.create(root + "/data"));
        assertEquals(401, json.statusCode());
        assertEquals("Basic realm=\"restconf\", charset=\"UTF-8\"",
            json.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(json.body().contains("\"ietf-restconf:errors\"") && json.body().contains("\"access-denied\""),
            json.body());
        final HttpResponse<String> xml = get(client, URI.create(root + "/data"), "Accept", Encoding.XML.mediaType());
        assertEquals(401, xml.statusCode());
        assertTrue(xml.body().contains("<error-tag>access-denied</error-tag>"), xml.body());
    }

    @Test
    void wrongPasswordAndUnknownUserAreAnsweredAlikeAndSlowedDown() throws Exception {
        final URI data = URI.create(start(builder -> builder) + "/data");
        final HttpClient client = client(HttpClient.Version.HTTP_2, pki.clientContext(null, "TLS"));
        final long first = System.nanoTime();
        final HttpResponse<String> wrongPassword = get(client, data, "Authorization", basic("admin", "wrong"));
        final long second = System.nanoTime();
        final HttpResponse<String> unknownUser = get(client, data, "Authorization", basic("nobody", PASSWORD));
        final long third = System.nanoTime();
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertEquals(wrongPassword.headers().firstValue("WWW-Authenticate"),
            unknownUser.headers().firstValue("WWW-Authenticate"));
        // the first failure waits 250 ms, the second from the same address 500 ms
        assertTrue(Duration.ofNanos(second - first).toMillis() >= 240, "first failure answered at once");
        assertTrue(Duration.ofNanos(third - second).toMillis() >= 490, "second failure not slowed down more");
    }

    @Test
    void logsInWithMappedClientCertificates() throws Exception {
        final URI root = start(builder -> builder);
        final KeyStore byName = pki.keyStore("orchestrator-1", false);
        assertEquals(200, get(client(HttpClient.Version.HTTP_2, pki.clientContext(byName, "TLS")), root)
            .statusCode());
        final KeyStore byUri = pki.keyStore("some host", false,
            new GeneralName(GeneralName.uniformResourceIdentifier, "urn:example:noc"));
        assertEquals(200, get(client(HttpClient.Version.HTTP_1_1, pki.clientContext(byUri, "TLS")), root)
            .statusCode());
        final KeyStore stranger = pki.keyStore("stranger", false);
        final HttpResponse<String> refused = get(client(HttpClient.Version.HTTP_2,
            pki.clientContext(stranger, "TLS")), root);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("access-denied"), refused.body());
    }

    @Test
    void doesNotTakeCertificatesOfAnotherCa() throws Exception {
        final URI root = start(builder -> builder);
        final KeyStore foreign = new TestCertificates("other-ca").keyStore("orchestrator-1", false);
        assertEquals(401, get(client(HttpClient.Version.HTTP_2, pki.clientContext(foreign, "TLS")), root)
            .statusCode());
        gateway.close();
        datastores.close();
        // with certificates alone, TLS requires one that leads to the trusted CA
        final URI certificatesOnly = start(builder -> builder.passwords(Map.of()));
        final SSLContext context = pki.clientContext(foreign, "TLS");
        assertThrows(IOException.class, () -> get(client(HttpClient.Version.HTTP_2, context), certificatesOnly));
        assertEquals(200, get(client(HttpClient.Version.HTTP_2,
            pki.clientContext(pki.keyStore("orchestrator-1", false), "TLS")), certificatesOnly).statusCode());
    }

    @Test
    void refusesOversizedHttp2BodyWithoutLength() throws Exception {
        final URI root = start(builder -> builder.maxBody(1024));
        final byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) ' ');
        final HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/data/" + TestModels.nodePath()))
            .header("Authorization", basic("admin", PASSWORD)).header("Content-Type", Encoding.JSON.mediaType())
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        final HttpResponse<String> answer = client(HttpClient.Version.HTTP_2, pki.clientContext(null, "TLS"))
            .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, answer.version());
        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().contains("too-big"), answer.body());
    }

    @Test
    void refusesAnOversizedHttp2Head() throws Exception {
        final URI root = start(builder -> builder.maxHeaderBytes(4096));
        final HttpClient client = client(HttpClient.Version.HTTP_2, pki.clientContext(null, "TLS"));
        // HPACK's decoder refuses the header block: the stream is reset unprocessed (no answer, nothing done)
        assertThrows(IOException.class, () -> get(client, root, "Authorization", basic("admin", PASSWORD),
            "X-Padding", "a".repeat(8000)));
        assertEquals(200, get(client, root, "Authorization", basic("admin", PASSWORD)).statusCode());
    }
}
