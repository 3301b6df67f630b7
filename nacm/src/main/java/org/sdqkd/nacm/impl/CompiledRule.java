package org.sdqkd.nacm.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sdqkd.nacm.api.AccessOperation;

/**
 * One {@code rule} of a rule list (RFC 8341 section 3.4.5), compiled.
 *
 * @param name the rule's name, for the log
 * @param module the module it applies to; empty for {@code *}
 * @param type what kind of request it matches
 * @param target the rpc or notification name it matches, empty for {@code *} or for other types
 * @param path the data node it matches, for {@link Type#DATA}
 * @param operations the access operations it matches
 * @param permit whether a match permits (else it denies)
 */
record CompiledRule(String name, Optional<String> module, Type type, Optional<String> target,
        Optional<PathPattern> path, Set<AccessOperation> operations, boolean permit) {
    /** The rule-type choice: none (matches every request), protocol-operation, notification or data-node. */
    enum Type { ANY, RPC, NOTIFICATION, DATA }

    CompiledRule {
        requireNonNull(name);
        requireNonNull(module);
        requireNonNull(type);
        requireNonNull(target);
        requireNonNull(path);
        operations = Set.copyOf(operations);
    }

    /** Whether it matches a protocol operation of a module. */
    boolean matchesOperation(final String moduleName, final String rpc, final AccessOperation operation) {
        return (type == Type.ANY || type == Type.RPC && target.map(rpc::equals).orElse(true))
            && matchesModule(moduleName) && operations.contains(operation);
    }

    /** Whether it matches a notification of a module. */
    boolean matchesNotification(final String moduleName, final String notification) {
        return (type == Type.ANY || type == Type.NOTIFICATION && target.map(notification::equals).orElse(true))
            && matchesModule(moduleName) && operations.contains(AccessOperation.READ);
    }

    /** Whether it matches an access to a data node of a module. */
    boolean matchesData(final String moduleName, final List<DataStep> at, final AccessOperation operation) {
        return (type == Type.ANY || type == Type.DATA && path.orElseThrow().covers(at))
            && matchesModule(moduleName) && operations.contains(operation);
    }

    private boolean matchesModule(final String moduleName) {
        return module.map(moduleName::equals).orElse(true);
    }
}
