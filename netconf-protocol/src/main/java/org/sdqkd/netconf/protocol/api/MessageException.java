package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A message that cannot be accepted: not well-formed, not a NETCONF message, or an {@code rpc} breaking RFC 6241
 * section 4.1 (such as one without message-id: {@code missing-attribute} with {@code bad-attribute} message-id).
 * Carries the rpc-error to answer with and, when the rpc got that far, its message-id and other attributes for the
 * reply ({@link RpcReply#failure(MessageException)}).
 */
public final class MessageException extends NetconfProtocolException {
    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final transient Map<QName, String> attributes;

    /**
     * A refused message of which nothing is known.
     *
     * @param error the rpc-error
     */
    public MessageException(final RpcError error) {
        this(error, Optional.empty(), Map.of(), null);
    }

    /**
     * A refused message.
     *
     * @param error      the rpc-error
     * @param messageId  the message-id of the rpc, if read
     * @param attributes the other attributes of the rpc, to return in the reply
     * @param cause      the underlying failure, or null
     */
    public MessageException(final RpcError error, final Optional<String> messageId,
            final Map<QName, String> attributes, final Throwable cause) {
        super(error, cause);
        this.messageId = messageId.orElse(null);
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(attributes)));
    }

    /** The message-id of the refused rpc, if it was read. */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** The other attributes of the refused rpc, to return in the reply. */
    public Map<QName, String> attributes() {
        return attributes;
    }
}
