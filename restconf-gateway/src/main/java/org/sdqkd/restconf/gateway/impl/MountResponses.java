package org.sdqkd.restconf.gateway.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the answers of requests below a mount, written with the device's codecs: data (streamed while it is walked,
 * as the gateway's own, {@link ResponseBody}), YANG Patch status and errors whose paths start at the mount point.
 */
final class MountResponses {
    private static final Logger LOG = LoggerFactory.getLogger(MountResponses.class);

    private MountResponses() {
        // no instances
    }

    /**
     * Sends an answer.
     *
     * @param response the response
     * @param callback completes it
     * @param answer   the answer
     * @param encoding the encoding of its body
     * @param head     whether the request is HEAD (the headers of GET, no body)
     * @param writer   writes the body with the device's codecs
     * @throws IOException when the body cannot be written before anything is sent
     */
    static void answer(final Response response, final Callback callback, final Answer answer, final Encoding encoding,
            final boolean head, final BodyWriter writer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.body().isEmpty()) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, encoding.mediaType());
        final ResponseBody out = new ResponseBody(response,
            length -> response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length), head);
        try {
            writer.write(answer.body().orElseThrow().target(), answer.body().orElseThrow().data(), encoding, out);
            out.finish(callback);
        } catch (IOException | RuntimeException e) {
            if (!out.committed()) {
                throw e;
            }
            LOG.debug("an answer from a mounted device was cut off", e);
            callback.failed(e);
        }
    }

    /**
     * Sends a YANG Patch status (RFC 8072 section 2.3).
     *
     * @param response the response
     * @param callback completes it
     * @param outcome  the status and its document
     * @param encoding the encoding
     * @param errors   writes the errors in it
     */
    static void patchStatus(final Response response, final Callback callback, final YangPatchResource.Outcome outcome,
            final Encoding encoding, final ErrorWriter errors) {
        final byte[] document = outcome.body().write(encoding, errors);
        response.setStatus(outcome.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, encoding.mediaType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) document.length);
        response.write(true, ByteBuffer.wrap(document), callback);
    }

    /**
     * Sends an {@code ietf-restconf:errors} body (RFC 8040 section 7.1).
     *
     * @param response the response
     * @param callback completes it
     * @param failure  the errors and status
     * @param encoding the encoding
     * @param head     whether the request is HEAD
     * @param errors   writes them, paths below the mount point
     * @param allow    the {@code Allow} header of a 405
     */
    static void errors(final Response response, final Callback callback, final RestconfException failure,
            final Encoding encoding, final boolean head, final ErrorWriter errors, final String allow) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            errors.write(failure.errors(), encoding, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        response.setStatus(failure.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, encoding.mediaType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) out.size());
        if (failure.status() == 405) {
            response.getHeaders().put(HttpHeader.ALLOW, allow);
        }
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(out.toByteArray()), callback);
    }
}
