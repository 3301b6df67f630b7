package org.sdqkd.netconf.server.impl.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.LockDeniedException;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.ErrorMessage;
import org.sdqkd.netconf.protocol.api.ErrorPath;
import org.sdqkd.netconf.protocol.api.RpcError;

/** The rpc-errors of datastore failures: the server turns the datastore's errors into NETCONF's. */
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
            final RpcError rpcError = of(error, context);
            return failure instanceof LockDeniedException denied
                ? rpcError.withInfo(ErrorInfo.sessionId(denied.holder().id())) : rpcError;
        }).toList();
    }

    /**
     * The rpc-error for a datastore's validation error. Its data path ({@code /module:top/list[key='v']}, module
     * names as prefixes) becomes an XPath with each module's own prefix, bound to the module's namespace as found
     * in {@code context} ({@code /t:top/t:list[t:key='v']} with {@code xmlns:t}); two modules with the same prefix
     * get distinct ones. A path naming a module {@code context} does not know is kept as it is, without bindings.
     * An empty path gives no error-path. The {@code missing-element}, {@code bad-element},
     * {@code unknown-element} and {@code unknown-namespace} tags get the {@code bad-element} info RFC 6241
     * appendix A requires: the last node of the path.
     *
     * @param error   the validation error
     * @param context the models the data path refers to
     * @return the rpc-error, severity error, message in English
     */
    static RpcError of(final ValidationError error, final EffectiveModelContext context) {
        final Optional<ErrorPath> path = error.path().isEmpty() ? Optional.empty()
            : Optional.of(ModulePathTranslator.translate(error.path(), context));
        final List<ErrorInfo> info = new ArrayList<>();
        if (needsBadElement(error.tag())) {
            ModulePathTranslator.lastNodeName(error.path()).ifPresent(name -> info.add(ErrorInfo.badElement(name)));
        }
        return new RpcError(error.type(), error.tag(), ErrorSeverity.ERROR, error.appTag(), path,
            Optional.of(ErrorMessage.english(error.message())), info);
    }

    private static boolean needsBadElement(final ErrorTag tag) {
        return tag.equals(ErrorTag.MISSING_ELEMENT) || tag.equals(ErrorTag.BAD_ELEMENT)
            || tag.equals(ErrorTag.UNKNOWN_ELEMENT) || tag.equals(ErrorTag.UNKNOWN_NAMESPACE);
    }
}
