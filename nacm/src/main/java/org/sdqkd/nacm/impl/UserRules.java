package org.sdqkd.nacm.impl;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sdqkd.nacm.api.AccessOperation;

/**
 * The rules of one requester's groups, in order, with the policy's defaults: the first matching rule decides
 * (RFC 8341 section 3.4.5), else the extensions of the schema and the defaults do.
 */
final class UserRules {
    private final Policy policy;
    private final List<CompiledRule> rules;
    private final List<PathPattern> dataPaths;
    private final Set<String> namedModules;

    UserRules(final Policy policy, final List<CompiledRule> rules) {
        this.policy = policy;
        this.rules = List.copyOf(rules);
        this.dataPaths = rules.stream().flatMap(r -> r.path().stream()).toList();
        this.namedModules = rules.stream().filter(r -> r.type() == CompiledRule.Type.ANY
            || r.type() == CompiledRule.Type.DATA).flatMap(r -> r.module().stream()).collect(Collectors.toSet());
    }

    /** Whether a protocol operation may run. */
    boolean mayExecute(final String module, final String rpc, final boolean denyAll) {
        for (CompiledRule rule : rules) {
            if (rule.matchesOperation(module, rpc, AccessOperation.EXEC)) {
                return rule.permit();
            }
        }
        return !denyAll && policy.execPermit();
    }

    /** Whether a notification may be sent. */
    boolean maySend(final String module, final String notification, final boolean denyAll) {
        for (CompiledRule rule : rules) {
            if (rule.matchesNotification(module, notification)) {
                return rule.permit();
            }
        }
        return !denyAll && policy.readPermit();
    }

    /** Whether an access to a data node is permitted. */
    boolean mayAccess(final String module, final List<DataStep> at, final AccessOperation operation,
            final SchemaMarks marks) {
        for (CompiledRule rule : rules) {
            if (rule.matchesData(module, at, operation)) {
                return rule.permit();
            }
        }
        if (marks.denyAll()) {
            return false;
        }
        if (operation == AccessOperation.READ) {
            return policy.readPermit();
        }
        return !marks.denyWrite() && policy.writePermit();
    }

    /**
     * Whether a decision taken for a node may differ for one of its descendants, so that the subtree must be looked
     * into: the schema has marks below, a data rule names a node below, or a rule names a module other than the
     * node's (augmented nodes below belong to their own module).
     */
    boolean mayDifferBelow(final String module, final List<DataStep> at, final SchemaMarks marks) {
        if (marks.marksBelow()) {
            return true;
        }
        for (PathPattern path : dataPaths) {
            if (path.reachesBelow(at)) {
                return true;
            }
        }
        return namedModules.stream().anyMatch(m -> !m.equals(module));
    }
}
