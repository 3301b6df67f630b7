package org.sdqkd.testsupport.kme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.sdqkd.testsupport.tls.TestCertificates;

/**
 * A KME that answers what its test scripted: the JDK's {@link HttpsServer} on 127.0.0.1, a free port, with a server
 * certificate of the given CA ({@code CN=kme}), client certificates required. It records every request (method, raw
 * path, body, the client certificate's subject) and answers each with the current {@link Answer}, as
 * {@code application/json}. It knows nothing of the ETSI GS QKD 014 formats: the tests write the bodies they want the
 * client to meet, valid or not.
 */
public final class ScriptedKme implements AutoCloseable {
    /**
     * A request as received.
     *
     * @param method the HTTP method
     * @param path   the raw path, as sent (percent-encoding kept)
     * @param body   the body as UTF-8 text, empty when none
     * @param peer   the client certificate's subject, such as {@code CN=sae-a}
     */
    public record Request(String method, String path, String body, String peer) {
        /** Checks the components. */
        public Request {
            requireNonNull(method, "method");
            requireNonNull(path, "path");
            requireNonNull(body, "body");
            requireNonNull(peer, "peer");
        }
    }

    /**
     * What the KME answers.
     *
     * @param status the HTTP status
     * @param body   the body, sent as UTF-8 with {@code Content-Type: application/json}
     */
    public record Answer(int status, String body) {
        /** Checks the components. */
        public Answer {
            requireNonNull(body, "body");
        }
    }

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(503,
        "{\"message\":\"no answer scripted\"}"));

    private ScriptedKme(final HttpsServer server) {
        this.server = server;
    }

    /**
     * Starts the KME; until {@link #answer(int, String)} is called it answers 503.
     *
     * @param ca the CA that issues the KME's certificate and that it trusts for clients
     * @return the running KME, to close
     * @throws IOException when it cannot bind
     */
    public static ScriptedKme start(final TestCertificates ca) throws IOException {
        final HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ca.context("kme", true, ca)) {
            @Override
            public void configure(final HttpsParameters params) {
                params.setNeedClientAuth(true);
            }
        });
        final ScriptedKme kme = new ScriptedKme(server);
        server.createContext("/", kme::serve);
        server.start();
        return kme;
    }

    private void serve(final HttpExchange exchange) throws IOException {
        final String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body,
            peer((HttpsExchange) exchange)));
        final Answer next = answer.get();
        final byte[] bytes = next.body().getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(next.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String peer(final HttpsExchange exchange) {
        try {
            return exchange.getSSLSession().getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return "";
        }
    }

    /**
     * Sets what every later request is answered.
     *
     * @param status the HTTP status
     * @param body   the body
     */
    public void answer(final int status, final String body) {
        answer(new Answer(status, body));
    }

    /**
     * Sets what every later request is answered.
     *
     * @param next the answer
     */
    public void answer(final Answer next) {
        answer.set(requireNonNull(next, "next"));
    }

    /** The requests received so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The port bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The KME's base URL, {@code https://127.0.0.1:PORT}. */
    public URI url() {
        return URI.create("https://127.0.0.1:" + port());
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
    }
}
