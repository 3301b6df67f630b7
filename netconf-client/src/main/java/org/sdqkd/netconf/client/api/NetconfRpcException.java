package org.sdqkd.netconf.client.api;

import java.util.List;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.sdqkd.netconf.protocol.api.ErrorMessage;
import org.sdqkd.netconf.protocol.api.RpcError;

/**
 * The server answered an rpc with at least one {@code rpc-error} of severity error (RFC 6241 section 4.3).
 */
public final class NetconfRpcException extends NetconfClientException {
    private static final long serialVersionUID = 1L;

    private final transient List<RpcError> errors;

    /**
     * An exception holding the errors of one reply.
     *
     * @param errors the rpc-errors, warnings included, in the order of the reply
     */
    public NetconfRpcException(final List<RpcError> errors) {
        super(describe(errors), null);
        this.errors = List.copyOf(errors);
    }

    /**
     * The rpc-errors of the reply, warnings included.
     *
     * @return the errors, in the order of the reply
     */
    public List<RpcError> errors() {
        return errors;
    }

    /**
     * The first error of severity error.
     *
     * @return the first error
     */
    public RpcError firstError() {
        return errors.stream().filter(e -> e.severity() == ErrorSeverity.ERROR).findFirst()
            .orElse(errors.getFirst());
    }

    private static String describe(final List<RpcError> errors) {
        return errors.stream()
            .map(e -> e.type().elementBody() + "/" + e.tag().elementBody()
                + e.message().map(ErrorMessage::text).map(text -> ": " + text).orElse(""))
            .collect(Collectors.joining("; ", "rpc-error: ", ""));
    }
}
