package org.sdqkd.qkd.node.impl.kme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.MASTER;
import static org.sdqkd.qkd.node.impl.kme.KmeFixture.SLAVE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.testing.TestPki;

/**
 * Tools we did not write agree with the KME and the PKI: curl (OpenSSL's TLS) gets the same JSON as our client and
 * shares keys with it, and {@code openssl verify} accepts the certificates. Both tools are required: a missing one
 * fails the test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KmeInteropTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;
    @TempDir
    Path otherDirectory;
    @TempDir
    Path scratch;

    private KmeFixture kme;

    /** What a tool printed, and its exit status. */
    private record Run(int status, String out, String err) {
    }

    @BeforeEach
    void start() {
        kme = new KmeFixture(directory);
        kme.sae(MASTER);
        kme.sae(SLAVE);
    }

    @AfterEach
    void stop() {
        kme.close();
    }

    @Test
    void curlGetsTheSameStatusJson() throws Exception {
        final String ours = kme.client(MASTER).exchange("GET", "/api/v1/keys/SAE_B/status", null).body();
        for (String version : List.of("--http2", "--http1.1", "--no-alpn")) {
            final Run curl = curl(MASTER, kme.pki().directory(), "/api/v1/keys/SAE_B/status", version, "-w",
                "\n%{http_code}/%{http_version}");
            assertEquals(0, curl.status(), curl.err());
            assertTrue(curl.out().endsWith("\n200/" + ("--http2".equals(version) ? "2" : "1.1")), curl.out());
            assertEquals(MAPPER.readTree(ours), MAPPER.readTree(body(curl)));
        }
    }

    @Test
    void curlAndOurClientShareKeys() throws Exception {
        final Run enc = curl(MASTER, kme.pki().directory(), "/api/v1/keys/SAE_B/enc_keys", "-X", "POST",
            "-H", "Content-Type: application/json", "--data", "{\"number\":2,\"size\":256}");
        assertEquals(0, enc.status(), enc.err());
        final JsonNode keys = MAPPER.readTree(body(enc)).get("keys");
        assertEquals(2, keys.size());
        final List<UUID> ids = new ArrayList<>();
        keys.forEach(key -> ids.add(UUID.fromString(key.get("key_ID").asText())));
        final List<DeliveredKey> ours = kme.client(SLAVE).decKeys(MASTER, ids);
        for (int i = 0; i < 2; i++) {
            assertEquals(keys.get(i).get("key").asText(),
                Base64.getEncoder().encodeToString(ours.get(i).key().bytes()));
        }
        final DeliveredKey made = kme.client(MASTER).encKeys(SLAVE, 1, 512, List.of()).getFirst();
        final Run dec = curl(SLAVE, kme.pki().directory(), "/api/v1/keys/SAE_A/dec_keys?key_ID=" + made.keyId());
        assertEquals(0, dec.status(), dec.err());
        final JsonNode got = MAPPER.readTree(body(dec)).get("keys").get(0);
        assertEquals(made.keyId().toString(), got.get("key_ID").asText());
        assertEquals(Base64.getEncoder().encodeToString(made.key().bytes()), got.get("key").asText());
    }

    @Test
    void curlWithoutCertificateGets401AndWithAnotherCaFailsTheHandshake() throws Exception {
        final Run anonymous = run(List.of("curl", "-sS", "--max-time", "20", "--cacert",
            kme.pki().caFile().toString(), "-w", "\n%{http_code}", kme.uri() + "/api/v1/keys/SAE_B/status"));
        assertEquals(0, anonymous.status(), anonymous.err());
        assertTrue(anonymous.out().endsWith("\n401"), anonymous.out());
        assertEquals("a client certificate is required (the SAE's, issued by the network's CA)",
            MAPPER.readTree(body(anonymous)).get("message").asText());
        final TestPki other = TestPki.create(otherDirectory, "Other CA");
        other.sae(MASTER);
        final Run stranger = run(List.of("curl", "-sS", "--max-time", "20", "--cert",
            otherDirectory.resolve(MASTER + ".crt").toString(), "--key", otherDirectory.resolve(MASTER + ".key")
                .toString(), "--cacert", kme.pki().caFile().toString(), "-w", "\n%{http_code}",
            kme.uri() + "/api/v1/keys/SAE_B/status"));
        assertNotEquals(0, stranger.status(), stranger.out());
        assertTrue(!stranger.out().contains("200"), stranger.out());
    }

    @Test
    void opensslVerifiesTheCertificates() throws Exception {
        final Path dir = kme.pki().directory();
        kme.pki().node("node-z", UUID.randomUUID());
        final Run node = run(List.of("openssl", "verify", "-purpose", "sslserver", "-CAfile", "ca.crt",
            "node-a.crt"), dir);
        assertEquals(new Run(0, "node-a.crt: OK\n", ""), node);
        final Run sae = run(List.of("openssl", "verify", "-purpose", "sslclient", "-CAfile", "ca.crt",
            MASTER + ".crt"), dir);
        assertEquals(new Run(0, MASTER + ".crt: OK\n", ""), sae);
        final Run subject = run(List.of("openssl", "x509", "-noout", "-subject", "-ext", "subjectAltName", "-in",
            "node-a.crt"), dir);
        assertEquals(0, subject.status(), subject.err());
        assertTrue(subject.out().contains("CN=node-a") || subject.out().contains("CN = node-a"), subject.out());
        assertTrue(subject.out().contains("URI:urn:uuid:"), subject.out());
        assertTrue(subject.out().contains("IP Address:127.0.0.1"), subject.out());
        final Run foreign = run(List.of("openssl", "verify", "-CAfile", kme.pki().caFile().toString(),
            TestPki.create(otherDirectory, "Other CA").directory().resolve("ca.crt").toString()), dir);
        assertNotEquals(0, foreign.status());
    }

    private Run curl(final String sae, final Path dir, final String path, final String... extra) throws Exception {
        final List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20",
            "--cert", dir.resolve(sae + ".crt").toString(), "--key", dir.resolve(sae + ".key").toString(),
            "--cacert", kme.pki().caFile().toString()));
        if (!List.of(extra).contains("-w")) {
            command.addAll(List.of("-w", "\n%{http_code}"));
        }
        command.addAll(List.of(extra));
        command.add(kme.uri() + path);
        return run(command);
    }

    private static String body(final Run curl) {
        return curl.out().substring(0, curl.out().lastIndexOf('\n'));
    }

    private Run run(final List<String> command) throws Exception {
        return run(command, scratch);
    }

    private Run run(final List<String> command, final Path workDir) throws Exception {
        final Path out = Files.createTempFile(scratch, "out", ".txt");
        final Path err = Files.createTempFile(scratch, "err", ".txt");
        final Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        } catch (IOException e) {
            return fail(command.getFirst() + " is required for this interop test and could not be run ("
                + e.getMessage() + "); install it (apt-get install " + command.getFirst() + ")");
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }
}
