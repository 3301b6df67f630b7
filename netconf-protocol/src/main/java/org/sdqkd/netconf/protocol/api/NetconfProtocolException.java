package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * A NETCONF protocol failure, carrying the {@code rpc-error} (RFC 6241 section 4.3) that describes it: its
 * error-type and error-tag say which layer failed and how.
 */
public abstract sealed class NetconfProtocolException extends Exception
        permits FramingException, XmlParseException, MessageException {
    private static final long serialVersionUID = 1L;

    private final transient RpcError error;

    NetconfProtocolException(final RpcError error, final Throwable cause) {
        super(error.message().map(ErrorMessage::text).orElse(error.tag().elementBody()), cause);
        this.error = requireNonNull(error);
    }

    /** The rpc-error describing this failure. */
    public final RpcError error() {
        return error;
    }

    /** The RFC 6241 error-type: the layer that failed. */
    public final ErrorType errorType() {
        return error.type();
    }

    /** The RFC 6241 error-tag. */
    public final ErrorTag errorTag() {
        return error.tag();
    }
}
