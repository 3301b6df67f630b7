package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An {@code rpc-reply} (RFC 6241 section 4.2): the message-id and other attributes of the rpc it answers, and its
 * content. The message-id is absent only when the rpc had none (RFC 6241 appendix A, missing-attribute).
 *
 * @param messageId  the message-id of the rpc answered, if it had one
 * @param attributes the other attributes of that rpc, returned unchanged
 * @param content    ok, data, output or errors
 */
public record RpcReply(Optional<String> messageId, Map<QName, String> attributes, ReplyContent content)
        implements NetconfMessage {
    /** The name of the message-id attribute, which has no namespace. */
    public static final String MESSAGE_ID = "message-id";

    /** Checks and copies the components. */
    public RpcReply {
        requireNonNull(messageId);
        requireNonNull(content);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * The reply to a request.
     *
     * @param request the rpc answered
     * @param content the content
     * @return the reply, with the request's message-id and attributes
     */
    public static RpcReply to(final Rpc request, final ReplyContent content) {
        return new RpcReply(Optional.of(request.messageId()), request.attributes(), content);
    }

    /**
     * {@code <ok/>} for a request.
     *
     * @param request the rpc answered
     * @return the reply
     */
    public static RpcReply ok(final Rpc request) {
        return to(request, new ReplyContent.Ok());
    }

    /**
     * Errors for a request.
     *
     * @param request the rpc answered
     * @param errors  at least one error
     * @return the reply
     */
    public static RpcReply errors(final Rpc request, final List<RpcError> errors) {
        return to(request, new ReplyContent.Errors(errors));
    }

    /**
     * The reply to a message that was refused, with as much of the rpc as was read.
     *
     * @param failure why the message was refused
     * @return the reply holding its rpc-error
     */
    public static RpcReply failure(final MessageException failure) {
        return new RpcReply(failure.messageId(), failure.attributes(),
            new ReplyContent.Errors(List.of(failure.error())));
    }
}
