package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.restconf.gateway.RestconfGateway;

/**
 * The request limits, driven over raw sockets (plain HTTP on loopback): head size 431, body nesting 400, slow heads
 * and bodies cut off, the connection limit.
 */
final class SecurityLimitsTest {
    @TempDir
    Path directory;
    private Datastores datastores;
    private RestconfGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (datastores != null) {
            datastores.close();
        }
    }

    private int start(final UnaryOperator<RestconfGateway.Builder> settings) throws Exception {
        datastores = Datastores.open(directory.resolve("datastore"), TestModels.CONTEXT);
        gateway = settings.apply(RestconfGateway.builder(datastores, TestModels.CONTEXT).plainHttp()
            .unauthenticated()).start();
        return gateway.port();
    }

    private static Socket connect(final int port) throws IOException {
        final Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Sends a request and reads the answer's head and the start of its body. */
    private static String exchange(final Socket socket, final String request, final byte[] body) throws IOException {
        final OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return readAnswer(socket.getInputStream());
    }

    /** Reads an answer's head and its body (by its Content-Length); empty when the connection was closed. */
    private static String readAnswer(final InputStream in) throws IOException {
        final StringBuilder answer = new StringBuilder();
        int next;
        while (answer.indexOf("\r\n\r\n") < 0 && (next = in.read()) >= 0) {
            answer.append((char) next);
        }
        final int at = answer.toString().toLowerCase(java.util.Locale.ROOT).indexOf("content-length: ");
        if (at >= 0) {
            final int length = Integer.parseInt(answer.substring(at + 16, answer.indexOf("\r\n", at)).strip());
            answer.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return answer.toString();
    }

    private static String put(final String path, final String contentType, final int length) {
        return "PUT /restconf/data/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
            + "\r\nAccept: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    @Test
    void answers431ToAnOversizedHead() throws Exception {
        final int port = start(builder -> builder.maxHeaderBytes(4096));
        try (Socket socket = connect(port)) {
            final String answer = exchange(socket, "GET /restconf HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "a".repeat(8000) + "\r\n\r\n", null);
            assertTrue(answer.startsWith("HTTP/1.1 431 "), answer);
        }
        try (Socket socket = connect(port)) {
            assertTrue(exchange(socket, "GET /restconf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", null)
                .startsWith("HTTP/1.1 200 "), "a head within the limit is served");
        }
    }

    @Test
    void refusesA200LevelDeepJsonBodyAndChangesNothing() throws Exception {
        final int port = start(builder -> builder);
        final String deep = "{\"" + TestModels.module() + ":qkd_node\":" + "{\"a\":".repeat(200) + "1"
            + "}".repeat(200) + "}";
        final byte[] body = deep.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect(port)) {
            final String answer = exchange(socket, put(TestModels.nodePath(), Encoding.JSON.mediaType(), body.length),
                body);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("\"malformed-message\"")
                && answer.contains("nested deeper than 64 levels"), answer);
        }
        try (GatewayClient client = new GatewayClient(gateway.restconfRoot())) {
            assertEquals(404, client.get(TestModels.nodePath()), "nothing was written");
        }
    }

    @Test
    void refusesADeepXmlBody() throws Exception {
        final int port = start(builder -> builder.maxDepth(10));
        final String deep = "<qkd_node xmlns=\"urn:etsi:qkd:yang:etsi-qkd-node\">" + "<a>".repeat(20)
            + "</a>".repeat(20) + "</qkd_node>";
        final byte[] body = deep.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect(port)) {
            final String answer = exchange(socket, put(TestModels.nodePath(), Encoding.XML.mediaType(), body.length),
                body);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("<error-tag>malformed-message</error-tag>"), answer);
        }
    }

    @Test
    void cutsOffAClientTricklingItsHead() throws Exception {
        final int port = start(builder -> builder.headerTimeout(Duration.ofSeconds(1)));
        try (Socket socket = connect(port)) {
            final OutputStream out = socket.getOutputStream();
            out.write("GET /restconf HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final AtomicInteger sent = new AtomicInteger();
            final Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        Thread.sleep(100);
                        out.write('a');
                        out.flush();
                        sent.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection
                    return;
                }
            });
            final long start = System.nanoTime();
            final int read = socket.getInputStream().read();
            final long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            trickle.interrupt();
            assertEquals(-1, read, "the connection is closed without an answer");
            assertTrue(elapsed < 15_000, "cut off after " + elapsed + " ms; the idle timeout alone never would");
            assertTrue(sent.get() < 200, "the trickle was still running: " + sent.get());
        }
    }

    @Test
    void closesASilentConnectionAfterTheIdleTimeout() throws Exception {
        final int port = start(builder -> builder.idleTimeout(Duration.ofSeconds(1)));
        try (Socket socket = connect(port)) {
            assertTrue(exchange(socket, "GET /restconf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", null)
                .startsWith("HTTP/1.1 200 "));
            final long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "closed by the server");
            final long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(elapsed >= 900 && elapsed < 15_000, "closed after " + elapsed + " ms");
        }
    }

    @Test
    void cutsOffAClientTricklingItsBody() throws Exception {
        final int port = start(builder -> builder.minDataRate(1000));
        try (Socket socket = connect(port)) {
            final OutputStream out = socket.getOutputStream();
            out.write(put(TestModels.nodePath(), Encoding.JSON.mediaType(), 100_000)
                .getBytes(StandardCharsets.US_ASCII));
            out.write('{');
            out.flush();
            final Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        Thread.sleep(100);
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection
                    return;
                }
            });
            final long start = System.nanoTime();
            final String answer = readAnswer(socket.getInputStream());
            final long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            trickle.interrupt();
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.1 5"),
                answer);
            assertTrue(elapsed < 20_000, "cut off after " + elapsed + " ms");
        }
        try (GatewayClient client = new GatewayClient(gateway.restconfRoot())) {
            assertEquals(404, client.get(TestModels.nodePath()), "nothing was written");
        }
    }

    @Test
    void acceptsNoMoreConnectionsThanTheLimit() throws Exception {
        final int port = start(builder -> builder.maxConnections(2));
        final String get = "GET /restconf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        try (Socket first = connect(port); Socket second = connect(port)) {
            assertTrue(exchange(first, get, null).startsWith("HTTP/1.1 200 "));
            assertTrue(exchange(second, get, null).startsWith("HTTP/1.1 200 "));
            try (Socket third = connect(port)) {
                third.setSoTimeout(1500);
                third.getOutputStream().write(get.getBytes(StandardCharsets.US_ASCII));
                assertThrows(SocketTimeoutException.class, () -> third.getInputStream().read(),
                    "a third connection is not served while two are open");
                first.close();
                third.setSoTimeout(20_000);
                assertTrue(readAnswer(third.getInputStream()).startsWith("HTTP/1.1 200 "),
                    "it is served once one closes");
            }
        }
    }

    /** A plain HTTP client for checks after the raw exchanges. */
    private static final class GatewayClient implements AutoCloseable {
        private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        private final URI root;

        GatewayClient(final URI root) {
            this.root = root;
        }

        int get(final String apiPath) throws IOException, InterruptedException {
            return client.send(java.net.http.HttpRequest.newBuilder(URI.create(root + "/data/" + apiPath)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
