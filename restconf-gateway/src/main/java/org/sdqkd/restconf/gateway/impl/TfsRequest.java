package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request as the TeraFlowSDN-compatible mode rewrote it: another path (same query) and, when the body was read
 * and rewritten, that body with its {@code Content-Length}.
 */
final class TfsRequest extends Request.Wrapper {
    private final HttpURI uri;
    private final HttpFields headers;
    private final Optional<byte[]> body;
    private boolean bodyRead;

    TfsRequest(final Request wrapped, final String path, final Optional<byte[]> body) {
        super(wrapped);
        this.uri = HttpURI.build(wrapped.getHttpURI()).path(path).asImmutable();
        this.body = requireNonNull(body);
        this.headers = body.isEmpty() ? wrapped.getHeaders() : HttpFields.build(wrapped.getHeaders())
            .put(HttpHeader.CONTENT_LENGTH, Long.toString(body.orElseThrow().length)).asImmutable();
    }

    @Override
    public HttpURI getHttpURI() {
        return uri;
    }

    @Override
    public HttpFields getHeaders() {
        return headers;
    }

    @Override
    public Content.Chunk read() {
        if (body.isEmpty()) {
            return super.read();
        }
        if (bodyRead) {
            return Content.Chunk.EOF;
        }
        bodyRead = true;
        return Content.Chunk.from(ByteBuffer.wrap(body.orElseThrow()), true);
    }

    @Override
    public void demand(final Runnable demandCallback) {
        if (body.isEmpty()) {
            super.demand(demandCallback);
            return;
        }
        demandCallback.run();
    }

    @Override
    public long getLength() {
        return body.map(bytes -> (long) bytes.length).orElseGet(super::getLength);
    }
}
