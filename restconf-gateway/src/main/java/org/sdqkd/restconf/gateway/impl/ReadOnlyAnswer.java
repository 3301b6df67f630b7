package org.sdqkd.restconf.gateway.impl;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * The answer of a resource with a fixed document (host-meta, the API root, the library version, the operations, the
 * YANG texts): 200 with it for GET and HEAD (headers only), 200 with {@code Allow} for OPTIONS, 405 otherwise.
 */
final class ReadOnlyAnswer {
    private ReadOnlyAnswer() {
        // no instances
    }

    /**
     * Answers a request.
     *
     * @param method    the request's method
     * @param response  the response
     * @param callback  completes the response
     * @param mediaType the document's media type
     * @param document  the document
     * @param allow     the methods the resource answers, for OPTIONS
     * @throws RestconfException 405 operation-not-supported for a method other than GET, HEAD and OPTIONS
     */
    static void send(final String method, final Response response, final Callback callback, final String mediaType,
            final byte[] document, final String allow) throws RestconfException {
        if ("OPTIONS".equals(method)) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.ALLOW, allow);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            throw new RestconfException(405, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED,
                "the method " + method + " is not allowed on this resource"));
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, mediaType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) document.length);
        response.write(true, ByteBuffer.wrap("HEAD".equals(method) ? new byte[0] : document), callback);
    }
}
