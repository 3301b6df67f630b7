package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.YangConstants;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementEquivalent;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.RequireInstanceEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.TypeEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.TypedefEffectiveStatement;
import org.sdqkd.datastore.impl.xpath.XNode;

/**
 * The require-instance check of an instance-identifier (RFC 7950 section 9.13.2): whether a leaf requires
 * its target to exist, and the node an identifier points to.
 */
final class InstanceIdentifiers {
    private final EffectiveModelContext context;
    private final Map<DataSchemaNode, Boolean> required = new ConcurrentHashMap<>();
    private Map<QName, List<TypedefEffectiveStatement>> typedefs;

    InstanceIdentifiers(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /**
     * Whether an instance-identifier leaf or leaf-list requires its target: the require-instance statement
     * nearest to the leaf along its type and typedefs, and true without one. yangtools' type definitions
     * default to false and cannot tell an explicit false from none, so the statements are read.
     */
    boolean requiresInstance(final DataSchemaNode node) {
        return required.computeIfAbsent(node, n -> n instanceof EffectiveStatementEquivalent<?> equivalent
            && requiresInstance(equivalent.asEffectiveStatement().findFirstEffectiveSubstatement(
                TypeEffectiveStatement.class).orElse(null)));
    }

    private boolean requiresInstance(final TypeEffectiveStatement<?> type) {
        TypeEffectiveStatement<?> at = type;
        while (at != null) {
            final Optional<Boolean> explicit = at.findFirstEffectiveSubstatementArgument(
                RequireInstanceEffectiveStatement.class);
            if (explicit.isPresent()) {
                return explicit.orElseThrow();
            }
            if (YangConstants.RFC6020_YANG_MODULE.equals(at.argument().getModule())) {
                return true;
            }
            at = typedefType(at).orElse(null);
        }
        return true;
    }

    /** The type statement of the typedef a type statement names. */
    private synchronized Optional<TypeEffectiveStatement<?>> typedefType(final TypeEffectiveStatement<?> type) {
        if (typedefs == null) {
            typedefs = new HashMap<>();
            context.getModuleStatements().values().forEach(this::indexTypedefs);
        }
        final List<TypedefEffectiveStatement> candidates = typedefs.getOrDefault(type.argument(), List.of());
        final List<TypeDefinition<?>> chain = new ArrayList<>();
        for (TypeDefinition<?> t = type.getTypeDefinition(); t != null; t = t.getBaseType()) {
            chain.add(t);
        }
        return candidates.stream()
            .filter(typedef -> chain.stream().anyMatch(t -> t == typedef.getTypeDefinition()))
            .findFirst()
            .or(() -> candidates.stream().findFirst())
            .flatMap(typedef -> typedef.findFirstEffectiveSubstatement(TypeEffectiveStatement.class))
            .map(t -> (TypeEffectiveStatement<?>) t);
    }

    private void indexTypedefs(final EffectiveStatement<?, ?> statement) {
        for (EffectiveStatement<?, ?> sub : statement.effectiveSubstatements()) {
            if (sub instanceof TypedefEffectiveStatement typedef) {
                typedefs.computeIfAbsent(typedef.argument(), q -> new ArrayList<>()).add(typedef);
            }
            indexTypedefs(sub);
        }
    }

    /**
     * The node an instance identifier points to, or null. The identifier has steps for choices and for the
     * list and leaf-list nodes around their entries, which have no node of their own in the XPath tree.
     */
    XNode target(final XNode tree, final YangInstanceIdentifier identifier) {
        final List<PathArgument> args = identifier.getPathArguments();
        XNode at = tree;
        for (int i = 0; i < args.size(); i++) {
            final PathArgument arg = args.get(i);
            final boolean aroundEntries = i + 1 < args.size() && !(args.get(i + 1) instanceof NodeIdentifier)
                && args.get(i + 1).getNodeType().equals(arg.getNodeType());
            if (arg instanceof NodeIdentifier && (aroundEntries || isChoice(at, arg.getNodeType()))) {
                continue;
            }
            at = at.child(arg).orElse(null);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private boolean isChoice(final XNode node, final QName name) {
        return hasChoice(node.schema() instanceof DataNodeContainer container ? container : context, name);
    }

    private static boolean hasChoice(final DataNodeContainer container, final QName name) {
        for (DataSchemaNode child : container.getChildNodes()) {
            if (child instanceof ChoiceSchemaNode choice && (choice.getQName().equals(name)
                    || choice.getCases().stream().anyMatch(c -> hasChoice(c, name)))) {
                return true;
            }
        }
        return false;
    }
}
