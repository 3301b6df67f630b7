package org.sdqkd.netconf.server.impl.agent;

import java.util.List;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.LockDeniedException;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.RpcError;

/** The rpc-errors of datastore failures. */
final class Errors {
    private Errors() {
        // static only
    }

    /**
     * Every error of a datastore failure; a lock denial carries the holder's session-id in error-info (RFC 6241
     * section 7.5).
     */
    static List<RpcError> of(final DatastoreException failure, final EffectiveModelContext context) {
        return failure.errors().stream().map(error -> {
            final RpcError rpcError = RpcError.of(error, context);
            return failure instanceof LockDeniedException denied
                ? rpcError.withInfo(ErrorInfo.sessionId(denied.holder().id())) : rpcError;
        }).toList();
    }
}
