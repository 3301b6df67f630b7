package org.sdqkd.ssh.qkd.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeyException.Reason;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.testsupport.kme.ScriptedKme;
import org.sdqkd.testsupport.kme.ScriptedKme.Answer;
import org.sdqkd.testsupport.kme.ScriptedKme.Request;
import org.sdqkd.testsupport.tls.TestCertificates;

/**
 * The ETSI GS QKD 014 key source against a scripted HTTPS server with client certificates: the requests it makes,
 * and each kind of answer mapped to a key or to the reason there is none. The real KME is tested downstream.
 */
@Timeout(60)
class Etsi014KeySourceTest {
    private static final TestCertificates CA = new TestCertificates("test CA");
    private static final byte[] KEY = new byte[32];
    private static final String KEY_TEXT;

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i * 7 + 1);
        }
        KEY_TEXT = Base64.getEncoder().encodeToString(KEY);
    }

    private ScriptedKme kme;
    private CloseableKeySource source;

    @BeforeEach
    void start() throws IOException {
        kme = ScriptedKme.start(CA);
        source = source(kme.url(), "sae-a", CA.context("sae-a", false, CA), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        source.close();
        kme.close();
    }

    private static CloseableKeySource source(final URI url, final String sae, final SSLContext tls,
            final Duration timeout) {
        return QkdKeySources.etsi014(url, tls, sae, timeout);
    }

    private static String container(final String id, final String key) {
        return "{\"keys\":[{\"key_ID\":\"" + id + "\",\"key\":\"" + key + "\"}]}";
    }

    @Test
    void newKeyPostsEncKeysForOne256BitKeyAsTheSae() throws Exception {
        final UUID id = UUID.randomUUID();
        kme.answer(new Answer(200, container(id.toString(), KEY_TEXT)));
        final QkdKey key = source.newKey("sae b/1");
        assertEquals(id, key.id());
        assertArrayEquals(KEY, key.material());
        final Request request = kme.requests().getFirst();
        assertEquals("POST", request.method());
        assertEquals("/api/v1/keys/sae%20b%2F1/enc_keys", request.path());
        assertEquals("{\"number\":1,\"size\":256}", request.body());
        assertEquals("CN=sae-a", request.peer());
        assertFalse(key.toString().contains(KEY_TEXT));
    }

    @Test
    void keyByIdPostsDecKeysWithTheKeyId() throws Exception {
        final UUID id = UUID.randomUUID();
        kme.answer(new Answer(200, container(id.toString(), KEY_TEXT)));
        assertArrayEquals(KEY, source.keyById("sae-b", id).material());
        assertEquals("/api/v1/keys/sae-b/dec_keys", kme.requests().getFirst().path());
        assertEquals("{\"key_IDs\":[{\"key_ID\":\"" + id + "\"}]}", kme.requests().getFirst().body());
        // the connection is kept for the next request
        kme.answer(new Answer(200, container(id.toString(), KEY_TEXT)));
        source.keyById("sae-b", id);
        assertEquals(2, kme.requests().size());
    }

    @Test
    void statusesMapToReasonsWithTheKmesMessage() {
        final UUID id = UUID.randomUUID();
        assertFailure(Reason.REFUSED, "HTTP 400: key_ID " + id + " is unknown", new Answer(400,
            "{\"message\":\"key_ID " + id + " is unknown\"}"), true, id);
        assertFailure(Reason.REFUSED, "HTTP 401: not your key", new Answer(401, "{\"message\":\"not your key\"}"),
            true, id);
        assertFailure(Reason.REFUSED, "HTTP 403: SAE sae-b is not a peer", new Answer(403,
            "{\"message\":\"SAE sae-b is not a peer\"}"), false, id);
        assertFailure(Reason.REFUSED, "HTTP 404", new Answer(404, ""), false, id);
        assertFailure(Reason.UNAVAILABLE, "HTTP 503: no key", new Answer(503, "{\"message\":\"no key\"}"), false, id);
        assertFailure(Reason.UNAVAILABLE, "HTTP 500", new Answer(500, "oops"), false, id);
        assertFailure(Reason.INVALID, "HTTP 302", new Answer(302, ""), false, id);
    }

    @Test
    void answersThatAreNoSingle256BitKeyAreInvalid() {
        final UUID id = UUID.randomUUID();
        final String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        assertFailure(Reason.INVALID, "malformed JSON", new Answer(200, "{\"keys\":[{"), false, id);
        assertFailure(Reason.INVALID, "expected one key, got 2", new Answer(200, "{\"keys\":[{\"key_ID\":\"" + id
            + "\",\"key\":\"" + KEY_TEXT + "\"},{\"key_ID\":\"" + id + "\",\"key\":\"" + KEY_TEXT + "\"}]}"), false,
            id);
        assertFailure(Reason.INVALID, "expected a 256-bit key, got 128 bits", new Answer(200,
            container(id.toString(), sixteen)), false, id);
        assertFailure(Reason.INVALID, "key_ID is not a UUID", new Answer(200, container("key-1", KEY_TEXT)), false,
            id);
        assertFailure(Reason.INVALID, "asked for key_ID " + id, new Answer(200,
            container(UUID.randomUUID().toString(), KEY_TEXT)), true, id);
        assertFailure(Reason.INVALID, "the key has no key_ID or no key", new Answer(200,
            "{\"keys\":[{\"key\":\"" + KEY_TEXT + "\"}]}"), false, id);
    }

    private void assertFailure(final Reason reason, final String message, final Answer given, final boolean dec,
            final UUID id) {
        kme.answer(given);
        final QkdKeyException e = assertThrows(QkdKeyException.class,
            () -> {
                if (dec) {
                    source.keyById("sae-b", id);
                } else {
                    source.newKey("sae-b");
                }
            });
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains(KEY_TEXT), "no key bytes in messages");
    }

    @Test
    void aSilentKmeIsUnavailableWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             CloseableKeySource slow = source(URI.create("https://127.0.0.1:" + silent.getLocalPort()), "sae-a",
                 CA.context("sae-a", false, CA), Duration.ofMillis(500))) {
            final List<Socket> held = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    // closed
                }
            });
            final long start = System.nanoTime();
            final QkdKeyException e = assertThrows(QkdKeyException.class, () -> slow.newKey("sae-b"));
            final long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Reason.UNAVAILABLE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("no answer within 500 ms"), e.getMessage());
            assertTrue(millis < 2_000, "gave up after " + millis + " ms");
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aKmeThatTricklesItsHeadersIsUnavailableWithinTheTimeout() throws Exception {
        assertTricklingIsUnavailable(true);
    }

    @Test
    void aKmeThatTricklesItsBodyIsUnavailableWithinTheTimeout() throws Exception {
        assertTricklingIsUnavailable(false);
    }

    /** Each byte comes well within the read timeout; the whole answer would take minutes. */
    private void assertTricklingIsUnavailable(final boolean headersToo) throws Exception {
        final SSLServerSocket trickler = (SSLServerSocket) CA.context("kme", true, CA).getServerSocketFactory()
            .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        trickler.setNeedClientAuth(true);
        final byte[] header = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
            .getBytes(UTF_8);
        final Thread writer = Thread.ofVirtual().start(() -> {
            try (Socket socket = trickler.accept()) {
                final InputStream in = socket.getInputStream();
                final OutputStream out = socket.getOutputStream();
                in.read(new byte[4096]);
                if (!headersToo) {
                    out.write(header);
                }
                for (int i = headersToo ? 0 : header.length; i < header.length + 1000; i++) {
                    out.write(i < header.length ? header[i] : ' ');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up, or the test ended
            }
        });
        try (trickler;
             CloseableKeySource slow = source(URI.create("https://127.0.0.1:" + trickler.getLocalPort()), "sae-a",
                 CA.context("sae-a", false, CA), Duration.ofMillis(800))) {
            final long start = System.nanoTime();
            final QkdKeyException e = assertThrows(QkdKeyException.class, () -> slow.newKey("sae-b"));
            final long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Reason.UNAVAILABLE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("no answer within 800 ms"), e.getMessage());
            assertTrue(millis < 3_000, "gave up after " + millis + " ms");
        } finally {
            writer.interrupt();
        }
    }

    @Test
    void aClosedPortIsUnavailable() throws Exception {
        final int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (CloseableKeySource closed = source(URI.create("https://127.0.0.1:" + port), "sae-a",
                CA.context("sae-a", false, CA), Duration.ofSeconds(2))) {
            final QkdKeyException e = assertThrows(QkdKeyException.class, () -> closed.newKey("sae-b"));
            assertEquals(Reason.UNAVAILABLE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        }
    }

    @Test
    void aKmeWithACertificateOfAnotherCaIsRefused() {
        final TestCertificates other = new TestCertificates("other CA");
        try (CloseableKeySource wrongTrust = source(URI.create("https://127.0.0.1:" + kme.port()),
                "sae-a", other.context("sae-a", false, other), Duration.ofSeconds(2))) {
            final QkdKeyException e = assertThrows(QkdKeyException.class, () -> wrongTrust.newKey("sae-b"));
            assertEquals(Reason.REFUSED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
        }
        assertTrue(kme.requests().isEmpty());
    }

    @Test
    void onlyHttpsUrls() {
        assertThrows(IllegalArgumentException.class, () -> source(URI.create("http://127.0.0.1:1"), "sae-a",
            CA.context("sae-a", false, CA), Duration.ofSeconds(1)));
    }
}
