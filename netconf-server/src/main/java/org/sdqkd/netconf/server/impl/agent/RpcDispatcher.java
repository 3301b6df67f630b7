package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each request by the handler its operation's name maps to, and makes its reply: every failure becomes
 * rpc-errors (RFC 6241 section 4.3), an operation without handler {@code operation-not-supported}, or
 * {@code unknown-namespace} when no model has its namespace.
 */
final class RpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);

    private final Map<QName, RpcHandler> handlers;
    private final DataXml models;
    private final SessionAccess access;

    /**
     * Creates the dispatcher.
     *
     * @param handlers the handler of each operation, by the operation's name (namespace and local name, no revision)
     * @param models   the models, to tell unknown namespaces and to report datastore errors
     * @param access   who may run which operation (RFC 8341 section 3.4.4), checked before the handler runs
     */
    RpcDispatcher(final Map<QName, RpcHandler> handlers, final DataXml models, final SessionAccess access) {
        this.handlers = Map.copyOf(handlers);
        this.models = requireNonNull(models);
        this.access = requireNonNull(access);
    }

    /** Runs a request and makes its reply. */
    RpcReply dispatch(final Rpc rpc, final AgentSession session) {
        final XmlElement operation = rpc.operation();
        final Optional<QName> name = name(operation);
        final Optional<RpcHandler> handler = name.map(handlers::get);
        if (handler.isEmpty()) {
            return RpcReply.errors(rpc, List.of(unknownOperation(operation)));
        }
        try {
            access.checkExecute(session.id(), name.orElseThrow());
            return RpcReply.to(rpc, handler.orElseThrow().handle(operation, session));
        } catch (OperationException e) {
            return RpcReply.errors(rpc, e.errors());
        } catch (DatastoreException e) {
            return RpcReply.errors(rpc, Errors.of(e, models.context()));
        } catch (RuntimeException e) {
            LOG.warn("session {}: {} failed", session.id().id(), operation.localName(), e);
            return RpcReply.errors(rpc, List.of(RpcError.of(ErrorType.APPLICATION, ErrorTag.OPERATION_FAILED,
                operation.localName() + " failed: " + e.getMessage())));
        }
    }

    /** The operation's name; empty when its namespace or name cannot be one of a YANG rpc. */
    private static Optional<QName> name(final XmlElement operation) {
        try {
            return Optional.of(QName.create(operation.namespace(), operation.localName()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private RpcError unknownOperation(final XmlElement operation) {
        if (models.module(operation.namespace()).isEmpty() && !Namespaces.BASE.equals(operation.namespace())) {
            return RpcError.of(ErrorType.PROTOCOL, ErrorTag.UNKNOWN_NAMESPACE,
                    "no operation in namespace " + operation.namespace())
                .withInfo(ErrorInfo.badElement(operation.localName()), ErrorInfo.badNamespace(operation.namespace()));
        }
        return RpcError.of(ErrorType.PROTOCOL, ErrorTag.OPERATION_NOT_SUPPORTED,
                "the operation " + operation.localName() + " is not supported")
            .withInfo(ErrorInfo.badElement(operation.localName()));
    }
}
