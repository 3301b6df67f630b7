package org.sdqkd.benchmarks.kme;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.Etsi014Json;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * A lean ETSI GS QKD 014 client for the benchmark only: one TLS 1.3 socket (the SAE's certificate, TCP_NODELAY),
 * HTTP/1.1 keep-alive, one request at a time; a POST with Content-Length, then the status line, the headers and a
 * Content-Length body (the KME always sends one; a chunked or length-less answer is refused). Not thread-safe: one
 * client per thread. A status other than 200 is an {@link IOException} naming it. Only the transport is here: the
 * bodies are written and read with the etsi014 module's codec, so that the figures measure the KMEs and the JSON
 * every user shares, not a client library's threads.
 */
final class RawKmeClient implements KmeBenchmark.SaeClient {
    private static final int MAX_LINE = 8192;
    private static final int MAX_BODY = Etsi014Limits.maxKeyContainerBytes(Etsi014Limits.MAX_KEYS_PER_REQUEST,
        Etsi014Limits.MAX_KEY_SIZE);
    private static final int TIMEOUT_MS = 30_000;

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;
    private final byte[] line = new byte[MAX_LINE];

    private RawKmeClient(final SSLSocket socket, final String host) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
        this.host = host;
    }

    /**
     * Connects and completes the TLS handshake.
     *
     * @param kme the KME's address, {@code https://127.0.0.1:PORT}
     * @param sae the SAE's identity
     * @return the client, to close
     * @throws IOException when the connection or the handshake fails
     */
    static RawKmeClient connect(final URI kme, final TlsIdentity sae) throws IOException {
        final SSLSocket socket = (SSLSocket) sae.sslContext().getSocketFactory().createSocket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.connect(new InetSocketAddress(kme.getHost(), kme.getPort()), TIMEOUT_MS);
            final SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return new RawKmeClient(socket, kme.getHost() + ":" + kme.getPort());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public KeyContainer encKeys(final String slave, final int number, final int size) throws IOException {
        return keyContainer(post(path(slave, "enc_keys"), Etsi014Json.write(KeyRequest.of(number, size))));
    }

    @Override
    public KeyContainer decKeys(final String master, final List<UUID> keyIds) throws IOException {
        return keyContainer(post(path(master, "dec_keys"), Etsi014Json.write(KeyIds.of(keyIds))));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String path(final String sae, final String operation) {
        return "/api/v1/keys/" + URLEncoder.encode(sae, StandardCharsets.UTF_8).replace("+", "%20") + "/"
            + operation;
    }

    /** One exchange; the answer's body, with the response body buffer erased by the caller. */
    private byte[] post(final String path, final byte[] body) throws IOException {
        final String head = "POST " + path + " HTTP/1.1\r\nHost: " + host
            + "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        final String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        final int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean close = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            final int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line");
            }
            final String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            final String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> throw new IOException("unexpected Transfer-Encoding: " + value);
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                    // not needed
                }
            }
        }
        if (length < 0 || length > MAX_BODY) {
            throw new IOException("answer without a usable Content-Length: " + length);
        }
        final byte[] answer = in.readNBytes((int) length);
        if (answer.length != length) {
            throw new EOFException("connection closed within the body");
        }
        if (close) {
            socket.close();
        }
        if (code != 200) {
            throw new IOException("HTTP " + code + ": " + new String(answer, StandardCharsets.UTF_8));
        }
        return answer;
    }

    private String readLine() throws IOException {
        int n = 0;
        while (true) {
            final int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed within the head");
            }
            if (b == '\n') {
                final int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                throw new IOException("header line longer than " + MAX_LINE);
            }
            line[n++] = (byte) b;
        }
    }

    private static KeyContainer keyContainer(final byte[] body) throws IOException {
        try {
            return Etsi014Json.readKeyContainer(body);
        } catch (Etsi014FormatException e) {
            throw new IOException("HTTP 200 with a body that is not a Key container: " + e.getMessage(), e);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }
}
