package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.function.LongConsumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;

/**
 * The body of an answer, sent while the writer walks the data: the first {@value #BUFFER} bytes are held, and an
 * answer that ends within them goes out in one write with its {@code Content-Length}; a larger one is sent in pieces
 * of that size as it is written (HTTP/1.1 chunked transfer coding, RFC 9112 section 7.1; the end of the connection for
 * HTTP/1.0), so that no more than one piece of it is ever in memory. For HEAD the bytes are only counted, for the
 * {@code Content-Length} GET would have.
 */
final class ResponseBody extends OutputStream {
    /** How much of an answer is held before it starts to go out. */
    static final int BUFFER = 16 * 1024;

    private final Content.Sink response;
    private final LongConsumer contentLength;
    private final boolean head;
    private final byte[] buffer = new byte[BUFFER];
    private int count;
    private long total;
    private OutputStream sent;

    /**
     * A body for a response whose status and headers are set, except the length.
     *
     * @param response      the response (a Jetty {@code Response} is a sink)
     * @param contentLength sets the {@code Content-Length} header, called only when the whole body is known before
     *                      anything is sent
     * @param head          whether the request is HEAD: nothing is sent, the length is counted
     */
    ResponseBody(final Content.Sink response, final LongConsumer contentLength, final boolean head) {
        this.response = requireNonNull(response);
        this.contentLength = requireNonNull(contentLength);
        this.head = head;
    }

    @Override
    public void write(final int value) throws IOException {
        if (count == BUFFER) {
            drain();
        }
        buffer[count++] = (byte) value;
        total++;
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length) throws IOException {
        int from = offset;
        int left = length;
        while (left > 0) {
            if (count == BUFFER) {
                drain();
            }
            final int piece = Math.min(left, BUFFER - count);
            System.arraycopy(bytes, from, buffer, count, piece);
            count += piece;
            from += piece;
            left -= piece;
        }
        total += length;
    }

    /** Whether the status and headers have gone out, so that an error can no longer be answered. */
    boolean committed() {
        return sent != null;
    }

    /**
     * Sends what is left and completes the response.
     *
     * @param callback completes the response
     * @throws IOException when the client is gone
     */
    void finish(final Callback callback) throws IOException {
        if (sent == null) {
            contentLength.accept(head ? total : count);
            response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(buffer, 0, count), callback);
            return;
        }
        sent.write(buffer, 0, count);
        count = 0;
        sent.close();
        callback.succeeded();
    }

    /** Sends the held piece; the first one commits the status and headers, without a length. */
    private void drain() throws IOException {
        if (head) {
            count = 0;
            return;
        }
        if (sent == null) {
            sent = Content.Sink.asOutputStream(response);
        }
        sent.write(buffer, 0, count);
        count = 0;
    }
}
