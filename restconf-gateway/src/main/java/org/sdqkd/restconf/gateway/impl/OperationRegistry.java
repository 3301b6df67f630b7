package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.ActionEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.RpcEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.restconf.gateway.spi.OperationImplementation;

/**
 * The implementations of RPCs and actions registered with a gateway, by the schema path of the operation: a map from
 * operation to implementation, one per operation.
 */
public final class OperationRegistry {
    private final EffectiveModelContext models;
    private final Map<Absolute, OperationImplementation> implementations = new ConcurrentHashMap<>();

    OperationRegistry(final EffectiveModelContext models) {
        this.models = requireNonNull(models);
    }

    /**
     * Registers the implementation of an operation.
     *
     * @param operation      the schema path of an RPC ({@code Absolute.of(rpc)}) or of an action (the data nodes down
     *                       to it, then the action)
     * @param implementation what carries it out
     * @return closing it removes the implementation
     * @throws IllegalArgumentException when the served models have no such RPC or action, or it has an implementation
     */
    public Registration register(final Absolute operation, final OperationImplementation implementation) {
        requireNonNull(implementation);
        final EffectiveStatement<?, ?> statement;
        try {
            statement = SchemaInferenceStack.of(models, operation).currentStatement();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the served models have no operation " + operation, e);
        }
        if (!(statement instanceof RpcEffectiveStatement) && !(statement instanceof ActionEffectiveStatement)) {
            throw new IllegalArgumentException(operation + " is not an RPC or an action");
        }
        if (implementations.putIfAbsent(operation, implementation) != null) {
            throw new IllegalArgumentException(operation + " has an implementation already");
        }
        return () -> implementations.remove(operation, implementation);
    }

    /** The implementation of an operation, if one is registered. */
    Optional<OperationImplementation> find(final Absolute operation) {
        return Optional.ofNullable(implementations.get(operation));
    }
}
