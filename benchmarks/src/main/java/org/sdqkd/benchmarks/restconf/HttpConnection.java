package org.sdqkd.benchmarks.restconf;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that sends a request and reads its whole answer, one at a time: the driver's own
 * sequential client. It writes the request itself and reads the status, the headers and a body of a
 * {@code Content-Length} or in chunks, so that what it times is the gateway (a general client's thread hand-offs would
 * cost as much as a small answer). It keeps only what the driver checks: the status, the body's size and, for a
 * chunked one, the time the first piece arrived.
 */
public final class HttpConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String authority;

    /**
     * An answer as the driver sees it.
     *
     * @param status     the HTTP status
     * @param bodyBytes  the size of the body
     * @param chunked    whether the body came in chunks
     * @param firstBody  when its first byte had arrived (System.nanoTime), or 0 without a body
     * @param body       the body when it was kept, else empty
     */
    public record Reply(int status, long bodyBytes, boolean chunked, long firstBody, byte[] body) {
    }

    /**
     * Opens the connection.
     *
     * @param address the server
     * @throws IOException when it cannot connect
     */
    public HttpConnection(final InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 10_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
        authority = address.getHostString() + ":" + address.getPort();
    }

    /** A request's bytes: the method, the path and query, an Accept of JSON, and the body with its type if any. */
    public byte[] request(final String method, final String target, final byte[] body) {
        final StringBuilder head = new StringBuilder(160).append(method).append(' ').append(target)
            .append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\nAccept: application/yang-data+json\r\n");
        if (body != null) {
            head.append("Content-Type: application/yang-data+json\r\nContent-Length: ").append(body.length)
                .append("\r\n");
        }
        final byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return headBytes;
        }
        final byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /**
     * Sends a request and reads its answer.
     *
     * @param request  the request's bytes ({@link #request})
     * @param keepBody whether to keep the body
     * @param head     whether it is a HEAD request (no body follows the headers)
     * @return the answer
     * @throws IOException when the connection fails or the answer is not HTTP/1.1 as expected
     */
    public Reply exchange(final byte[] request, final boolean keepBody, final boolean head) throws IOException {
        out.write(request);
        out.flush();
        final String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        final int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            final int colon = header.indexOf(':');
            final String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            final String value = header.substring(colon + 1).trim();
            if ("content-length".equals(name)) {
                length = Long.parseLong(value);
            } else if ("transfer-encoding".equals(name) && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        final ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream() : null;
        if (head || code == 204 || code == 304) {
            return new Reply(code, 0, false, 0, new byte[0]);
        }
        if (!chunked) {
            if (length < 0) {
                throw new IOException("an answer with neither Content-Length nor chunks");
            }
            final long first = length > 0 ? waitForByte() : 0;
            copy(length, kept);
            return new Reply(code, length, false, first, kept == null ? new byte[0] : kept.toByteArray());
        }
        final long first = waitForByte();
        long total = 0;
        for (long size = Long.parseLong(line().split(";", 2)[0].trim(), 16); size > 0;
                size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) {
            copy(size, kept);
            total += size;
            line();
        }
        // trailers, not used, up to the empty line
        String trailer = line();
        while (!trailer.isEmpty()) {
            trailer = line();
        }
        return new Reply(code, total, true, first, kept == null ? new byte[0] : kept.toByteArray());
    }

    private long waitForByte() throws IOException {
        in.mark(1);
        if (in.read() < 0) {
            throw new IOException("the connection closed before the body");
        }
        in.reset();
        return System.nanoTime();
    }

    private void copy(final long length, final ByteArrayOutputStream kept) throws IOException {
        final byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            final int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the connection closed inside the body");
            }
            if (kept != null) {
                kept.write(buffer, 0, read);
            }
            left -= read;
        }
    }

    private String line() throws IOException {
        final StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed inside the headers");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
