package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.sdqkd.testsupport.tls.TestCertificates;

/**
 * curl (built on OpenSSL and nghttp2, clients sdqkd did not write) over HTTPS: HTTP/2 with the CA given by
 * {@code --cacert}, HTTP Basic, a client certificate, and TLS 1.2 refused. Skipped when curl is not installed.
 */
@Tag("interop")
final class CurlTlsTest {
    @TempDir
    Path directory;
    private Datastores datastores;
    private RestconfGateway gateway;
    private TestCertificates pki;
    private Path caFile;

    /** What curl printed with {@code -w}, its exit code and the body it saved. */
    private record Result(int exit, String written, String body, String errors) {
    }

    @BeforeEach
    void start() throws Exception {
        assumeTrue(curlInstalled(), "curl is not installed");
        pki = new TestCertificates("curl-ca");
        caFile = pki.writeCa(directory.resolve("ca.pem"));
        datastores = Datastores.open(directory.resolve("datastore"), TestModels.CONTEXT);
        gateway = RestconfGateway.builder(datastores, TestModels.CONTEXT).listen("127.0.0.1", 0)
            .tls(pki.keyStore("gateway", true), TestCertificates.KEY_STORE_PASSWORD, pki.trustStore())
            .passwords(Map.of("admin", PasswordHash.hash("pw for curl".toCharArray(), PasswordHash.MIN_ITERATIONS)))
            .clientCertificates(Map.of("curl-client", "orchestrator")).start();
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

    @Test
    void readsOverHttp2WithBasic() throws Exception {
        final Result result = curl("--http2", "-u", "admin:pw for curl", "-H",
            "Accept: " + Encoding.XML.mediaType(), gateway.restconfRoot() + "/yang-library-version");
        assertEquals(0, result.exit(), result.written());
        assertEquals("200 2", result.written());
        assertTrue(result.body().contains("yang-library-version"), result.body());
    }

    @Test
    void isRefusedWithoutCredentials() throws Exception {
        final Result result = curl("--http2", gateway.restconfRoot() + "/data");
        assertEquals("401 2", result.written());
        assertTrue(result.body().contains("access-denied"), result.body());
    }

    @Test
    void logsInWithAClientCertificate() throws Exception {
        final KeyStore client = pki.keyStore("curl-client", false);
        final Path certificate = directory.resolve("client.pem");
        final Path key = directory.resolve("client.key");
        pki.writeEntry(client, certificate, key);
        final Result result = curl("-v", "--http2", "--cert", certificate.toString(), "--key", key.toString(),
            gateway.restconfRoot().toString());
        assertEquals("200 2", result.written(), result.errors());
    }

    @Test
    void cannotUseTls12() throws Exception {
        final Result result = curl("--http1.1", "--tls-max", "1.2", "-u", "admin:pw for curl",
            gateway.restconfRoot().toString());
        assertNotEquals(0, result.exit(), "TLS 1.2 is refused unless configured: " + result.written());
    }

    private Result curl(final String... arguments) throws IOException, InterruptedException {
        final Path body = Files.createTempFile(directory, "body", ".txt");
        final List<String> command = new ArrayList<>(List.of("curl", "-sS", "--cacert", caFile.toString(),
            "--max-time", "30", "-o", body.toString(), "-w", "%{http_code} %{http_version}"));
        command.addAll(List.of(arguments));
        final Process process = new ProcessBuilder(command).start();
        final String written = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "curl did not end");
        return new Result(process.exitValue(), written.strip(), Files.readString(body), errors);
    }

    private static boolean curlInstalled() {
        try {
            final Process process = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            final String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && version.contains("HTTP2");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
