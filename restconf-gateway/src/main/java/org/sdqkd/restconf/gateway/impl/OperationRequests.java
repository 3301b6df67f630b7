package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * The HTTP side of invoking operations (RFC 8040 sections 3.6 and 4.4.2): RPCs at
 * {@code {+restconf}/operations/module:rpc}, actions at their data resource, whose data node must exist; the
 * input's encoding from {@code Content-Type}, the answer written in the accepted one.
 */
final class OperationRequests {
    private final OperationInvoker invoker;
    private final ActionResolver actions;
    private final DataResource data;

    OperationRequests(final ModelCodecs models, final OperationRegistry registry, final ApiPathParser parser,
            final DataResource data) {
        this.invoker = new OperationInvoker(models, registry);
        this.actions = new ActionResolver(parser, models.context());
        this.data = requireNonNull(data);
    }

    /** The action a POST to a data resource invokes, if its path ends in one. */
    Optional<ActionResolver.Action> action(final String apiPath) {
        return actions.find(apiPath);
    }

    /**
     * Invokes an RPC.
     *
     * @throws RestconfException as {@link OperationInvoker#invoke} does
     */
    OperationInvoker.Result rpc(final Absolute rpc, final Request request, final byte[] body, final Encoding answer)
            throws RestconfException {
        return invoker.invoke(rpc, YangInstanceIdentifier.of(), bodyEncoding(request), body, answer);
    }

    /**
     * Invokes an action on its data node.
     *
     * @throws RestconfException 404 data-missing when the data node does not exist, else as
     *                           {@link OperationInvoker#invoke} does
     */
    OperationInvoker.Result action(final ActionResolver.Action action, final Request request, final byte[] body,
            final Encoding answer) throws RestconfException {
        if (!data.exists(action.node().path())) {
            throw new RestconfException(404, RestconfError.at(ErrorTag.DATA_MISSING, action.node().path(),
                "the action's data node does not exist (RFC 7950 section 7.15)"));
        }
        return invoker.invoke(action.operation(), action.node().path(), bodyEncoding(request), body, answer);
    }

    /** Sends an invocation's answer. */
    static void send(final Response response, final Callback callback, final OperationInvoker.Result result,
            final Encoding encoding) {
        response.setStatus(result.status());
        final byte[] document = result.body().orElse(new byte[0]);
        if (result.body().isPresent()) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, encoding.mediaType());
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) document.length);
        response.write(true, ByteBuffer.wrap(document), callback);
    }

    /** The encoding of an operation's input, empty when the request has no Content-Type (and so no input). */
    private static Optional<Encoding> bodyEncoding(final Request request) throws RestconfException {
        final String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type == null ? Optional.empty() : Optional.of(Encoding.ofContentType(type));
    }
}
