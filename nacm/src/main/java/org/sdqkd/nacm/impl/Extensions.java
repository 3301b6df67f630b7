package org.sdqkd.nacm.impl;

import org.opendaylight.yangtools.yang.model.api.meta.DeclaredStatement;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.meta.ModelStatement;

/**
 * Finds the ietf-netconf-acm extensions on a schema node. yangtools 14 recognises them only for the RFC 6536
 * revision, so for modules importing the RFC 8341 revision the statement is in the declared form only: both forms
 * are looked at (as the datastore's secret schema does).
 */
final class Extensions {
    /** The namespace of ietf-netconf-acm (both revisions). */
    static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";
    /** {@code nacm:default-deny-all}. */
    static final String DENY_ALL = "default-deny-all";
    /** {@code nacm:default-deny-write}. */
    static final String DENY_WRITE = "default-deny-write";

    private Extensions() {
        // static only
    }

    /** Whether a schema node (data node, rpc, notification) carries the extension. */
    static boolean has(final Object node, final String extension) {
        if (!(node instanceof EffectiveStatement<?, ?> effective)) {
            return false;
        }
        if (effective.effectiveSubstatements().stream().anyMatch(s -> is(s, extension))) {
            return true;
        }
        final DeclaredStatement<?> declared = effective.getDeclared();
        return declared != null && declared.declaredSubstatements().stream().anyMatch(s -> is(s, extension));
    }

    private static boolean is(final ModelStatement<?> statement, final String extension) {
        final var name = statement.statementDefinition().getStatementName();
        return extension.equals(name.getLocalName()) && NAMESPACE.equals(name.getNamespace().toString());
    }
}
