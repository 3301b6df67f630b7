package org.sdqkd.datastore.impl;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yangtools.rfc6536.model.api.NACMConstants;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.meta.DeclaredStatement;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.meta.ModelStatement;

/**
 * Where the models mark data as secret with the RFC 8341 (and RFC 6536) extension {@code nacm:default-deny-all}:
 * a tree of node names, as they appear in {@code NormalizedNode} data (choices included, cases not), holding only
 * the branches that lead to secret nodes. List keys are never secret here, since they identify their entry.
 *
 * <p>yangtools 14 recognises the extension only for the RFC 6536 revision of ietf-netconf-acm; for modules that
 * import the RFC 8341 revision it keeps the statement in the declared form only. Both forms are looked at.
 */
final class SecretSchema {
    private static final String DENY_ALL = "default-deny-all";
    private static final SecretSchema NONE = new SecretSchema(false, Map.of());
    private static final SecretSchema SECRET = new SecretSchema(true, Map.of());

    private final boolean secret;
    private final Map<QName, SecretSchema> children;

    private SecretSchema(final boolean secret, final Map<QName, SecretSchema> children) {
        this.secret = secret;
        this.children = children;
    }

    /** The secret nodes of a set of models. */
    static SecretSchema of(final EffectiveModelContext context) {
        return level(context.getChildNodes(), Set.of());
    }

    /** Whether this whole node is secret. */
    boolean isSecret() {
        return secret;
    }

    /** Whether nothing under this node is secret. */
    boolean isClear() {
        return !secret && children.isEmpty();
    }

    /** The schema of a child node, {@link #isClear() clear} when no secret lies under it. */
    SecretSchema child(final QName name) {
        return children.getOrDefault(name, NONE);
    }

    private static SecretSchema level(final Collection<? extends DataSchemaNode> nodes, final Collection<QName> keys) {
        final Map<QName, SecretSchema> found = new HashMap<>();
        for (DataSchemaNode node : nodes) {
            if (keys.contains(node.getQName())) {
                continue;
            }
            final SecretSchema child = isDenyAll(node) ? SECRET : switch (node) {
                case ChoiceSchemaNode choice -> level(choice.getCases().stream()
                    .flatMap(c -> c.getChildNodes().stream()).toList(), Set.of());
                case ListSchemaNode list -> level(list.getChildNodes(), list.getKeyDefinition());
                case DataNodeContainer container -> level(container.getChildNodes(), List.of());
                default -> NONE;
            };
            if (!child.isClear()) {
                found.put(node.getQName(), child);
            }
        }
        return found.isEmpty() ? NONE : new SecretSchema(false, Map.copyOf(found));
    }

    private static boolean isDenyAll(final DataSchemaNode node) {
        if (!(node instanceof EffectiveStatement<?, ?> effective)) {
            return false;
        }
        if (effective.effectiveSubstatements().stream().anyMatch(SecretSchema::isDenyAllStatement)) {
            return true;
        }
        final DeclaredStatement<?> declared = effective.getDeclared();
        return declared != null && declared.declaredSubstatements().stream().anyMatch(SecretSchema::isDenyAllStatement);
    }

    private static boolean isDenyAllStatement(final ModelStatement<?> statement) {
        final QName name = statement.statementDefinition().getStatementName();
        return DENY_ALL.equals(name.getLocalName()) && NACMConstants.MODULE_NAMESPACE.equals(name.getNamespace());
    }
}
