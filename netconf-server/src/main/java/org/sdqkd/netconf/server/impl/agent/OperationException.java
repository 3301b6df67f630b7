package org.sdqkd.netconf.server.impl.agent;

import java.io.Serial;
import java.util.List;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.RpcError;

/** An operation failed: the {@code rpc-error}s to reply with. */
final class OperationException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<RpcError> errors;

    OperationException(final List<RpcError> errors) {
        super(errors.isEmpty() ? "failed" : errors.getFirst().message().map(m -> m.text()).orElse("failed"));
        this.errors = List.copyOf(errors);
    }

    OperationException(final RpcError error) {
        this(List.of(error));
    }

    static OperationException of(final ErrorType type, final ErrorTag tag, final String message) {
        return new OperationException(RpcError.of(type, tag, message));
    }

    /** A protocol error naming the parameter element at fault. */
    static OperationException badElement(final ErrorTag tag, final String element, final String message) {
        return new OperationException(RpcError.of(ErrorType.PROTOCOL, tag, message)
            .withInfo(ErrorInfo.badElement(element)));
    }

    List<RpcError> errors() {
        return errors;
    }
}
