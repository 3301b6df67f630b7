package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Builds data paths in the form libyang and RFC 7950 section 9.13 use, with module names as prefixes
 * where the module changes: {@code /etsi-qkd-sdn-node:qkd_node/qkd_links/qkd_link[qkdl_id='...']/qkdl_type}.
 */
final class DataPathBuilder {
    private final EffectiveModelContext context;
    private final StringBuilder path = new StringBuilder();
    private QNameModule currentModule;

    DataPathBuilder(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /** The path of a yangtools instance identifier; {@code /} for the root. */
    static String of(final EffectiveModelContext context, final YangInstanceIdentifier id) {
        final DataPathBuilder builder = new DataPathBuilder(context);
        for (PathArgument arg : id.getPathArguments()) {
            switch (arg) {
                case NodeIdentifierWithPredicates entry -> builder.step(entry.getNodeType()).keys(entry.asMap());
                case NodeWithValue<?> value -> builder.step(value.getNodeType()).leafListValue(value.getValue());
                default -> builder.step(arg.getNodeType());
            }
        }
        return builder.toString();
    }

    /** Appends a node step. */
    DataPathBuilder step(final QName name) {
        path.append('/');
        if (!name.getModule().equals(currentModule)) {
            path.append(moduleName(name.getModule())).append(':');
            currentModule = name.getModule();
        }
        path.append(name.getLocalName());
        return this;
    }

    /** Appends a step for an element that has no YANG module (no or unknown namespace). */
    DataPathBuilder rawStep(final String name) {
        path.append('/').append(name);
        currentModule = null;
        return this;
    }

    /** Appends the key predicates of a list entry, in key order. */
    DataPathBuilder keys(final Map<QName, ?> keys) {
        keys.forEach((key, value) -> predicate(key.getModule().equals(currentModule)
            ? key.getLocalName() : moduleName(key.getModule()) + ':' + key.getLocalName(), value));
        return this;
    }

    /** Appends the value predicate of a leaf-list entry. */
    DataPathBuilder leafListValue(final Object value) {
        predicate(".", value);
        return this;
    }

    private void predicate(final String name, final Object value) {
        final String text = valueText(value);
        final char quote = text.indexOf('\'') < 0 ? '\'' : '"';
        path.append('[').append(name).append('=').append(quote).append(text).append(quote).append(']');
    }

    private String valueText(final Object value) {
        if (value instanceof QName identity) {
            return moduleName(identity.getModule()) + ':' + identity.getLocalName();
        }
        return String.valueOf(value);
    }

    private String moduleName(final QNameModule module) {
        return Optional.ofNullable(context.getModuleStatements().get(module))
            .map(m -> m.argument().getLocalName())
            .orElse(module.namespace().toString());
    }

    @Override
    public String toString() {
        return path.isEmpty() ? "/" : path.toString();
    }
}
