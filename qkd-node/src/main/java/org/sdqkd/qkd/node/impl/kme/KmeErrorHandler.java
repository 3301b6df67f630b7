package org.sdqkd.qkd.node.impl.kme;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.sdqkd.etsi014.api.Etsi014Error;
import org.sdqkd.etsi014.Etsi014Json;

/**
 * Errors Jetty answers itself (a malformed request line, an ambiguous URI, headers too large) as an ETSI GS QKD 014
 * Error body instead of an HTML page, with {@code Cache-Control: no-store}.
 */
final class KmeErrorHandler extends ErrorHandler {
    KmeErrorHandler() {
        setCacheControl("no-store");
    }

    @Override
    protected void generateResponse(final Request request, final Response response, final int code,
            final String message, final Throwable cause, final Callback callback) {
        final byte[] body = Etsi014Json.write(Etsi014Error.of(text(code, message)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(final int status, final String reason, final HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(Etsi014Json.write(Etsi014Error.of(text(status, reason))));
    }

    private static String text(final int code, final String message) {
        return message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    }
}
