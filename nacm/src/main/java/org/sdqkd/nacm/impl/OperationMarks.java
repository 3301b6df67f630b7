package org.sdqkd.nacm.impl;

import java.util.HashSet;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * The rpcs and notifications the models mark {@code nacm:default-deny-all} (RFC 8341 section 3.5.1.2), such as
 * ietf-netconf's {@code kill-session} and {@code delete-config}: refused unless a rule permits them.
 */
final class OperationMarks {
    private final Set<QName> denyAll;

    private OperationMarks(final Set<QName> denyAll) {
        this.denyAll = Set.copyOf(denyAll);
    }

    static OperationMarks of(final EffectiveModelContext context) {
        final Set<QName> marked = new HashSet<>();
        for (Module module : context.getModules()) {
            module.getRpcs().stream().filter(r -> Extensions.has(r, Extensions.DENY_ALL))
                .forEach(r -> marked.add(r.getQName().withoutRevision()));
            module.getNotifications().stream().filter(n -> Extensions.has(n, Extensions.DENY_ALL))
                .forEach(n -> marked.add(n.getQName().withoutRevision()));
        }
        return new OperationMarks(marked);
    }

    /** Whether an rpc or notification (name without revision) is {@code default-deny-all}. */
    boolean denyAll(final QName name) {
        return denyAll.contains(name.withoutRevision());
    }
}
