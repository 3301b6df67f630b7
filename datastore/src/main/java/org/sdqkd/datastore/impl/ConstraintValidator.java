package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.MustConstraintAware;
import org.opendaylight.yangtools.yang.model.api.MustDefinition;
import org.opendaylight.yangtools.yang.model.api.TypeAware;
import org.opendaylight.yangtools.yang.model.api.type.InstanceIdentifierTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.impl.xpath.Conditions;
import org.sdqkd.datastore.impl.xpath.LeafrefTargets;
import org.sdqkd.datastore.impl.xpath.XNode;
import org.sdqkd.datastore.impl.xpath.XPathEvaluator;
import org.sdqkd.datastore.impl.xpath.XPathException;
import org.sdqkd.datastore.impl.xpath.XStrings;

/**
 * Checks the constraints that need XPath over the whole tree (RFC 7950 section 8): {@code when} (a node
 * present while a condition is false is an error; a default is dropped), {@code must}, leafref and
 * instance-identifier with require-instance. Reports every violation.
 */
final class ConstraintValidator {
    private final EffectiveModelContext context;
    private final XPathEvaluator evaluator;
    private final XStrings strings;
    private final LeafrefTargets leafrefs;
    private final InstanceIdentifiers instanceIdentifiers;
    private final Conditions conditions;

    ConstraintValidator(final EffectiveModelContext context, final XPathEvaluator evaluator,
            final Conditions conditions) {
        this.context = requireNonNull(context);
        this.evaluator = requireNonNull(evaluator);
        this.conditions = requireNonNull(conditions);
        strings = new XStrings(context);
        leafrefs = new LeafrefTargets(evaluator, strings);
        instanceIdentifiers = new InstanceIdentifiers(context);
    }

    /**
     * Removes the nodes below {@code node} whose when condition is false: a default silently, a node of
     * the data with an error (RFC 7950 section 8.3.2 lets an edit delete it; in a complete document it is
     * invalid).
     */
    void checkWhen(final XNode node, final List<ValidationError> errors) {
        checkWhen(node, n -> { }, errors);
    }

    /** As {@link #checkWhen(XNode, List)}, telling {@code beforeRemoval} of each parent about to lose a child. */
    void checkWhen(final XNode node, final Consumer<XNode> beforeRemoval, final List<ValidationError> errors) {
        for (XNode child : List.copyOf(node.children())) {
            if (checkOwnWhen(child, beforeRemoval, errors)) {
                checkWhen(child, beforeRemoval, errors);
            }
        }
    }

    /**
     * Checks the when conditions of one node; removes it from its parent if one is false.
     *
     * @return whether the node stays
     */
    boolean checkOwnWhen(final XNode child, final Consumer<XNode> beforeRemoval, final List<ValidationError> errors) {
        final XNode node = child.parent();
        final DataNodeContainer parentSchema = node.schema() == null ? context : (DataNodeContainer) node.schema();
        final Optional<Conditions.When> failed = conditions.of(parentSchema, child.schema()).stream()
            .filter(w -> !holds(w, child, errors))
            .findFirst();
        if (failed.isEmpty()) {
            return true;
        }
        if (child.isImplicit()) {
            beforeRemoval.accept(node);
            node.removeChild(child);
        } else {
            errors.add(error(ErrorTag.OPERATION_FAILED, Optional.empty(), child.path(),
                "when condition \"" + failed.orElseThrow().text() + "\" is not satisfied"));
        }
        return false;
    }

    private boolean holds(final Conditions.When when, final XNode node, final List<ValidationError> errors) {
        try {
            return evaluator.test(when.statement().argument(), when.parentContext() ? node.parent() : node,
                node.name().getModule());
        } catch (XPathException e) {
            errors.add(error(ErrorTag.OPERATION_FAILED, Optional.empty(), node.path(),
                "cannot evaluate when condition \"" + when.text() + "\": " + e.getMessage()));
            return true;
        }
    }

    /** Checks must conditions, leafrefs and instance identifiers of every node of the tree. */
    void checkReferences(final XNode tree, final List<ValidationError> errors) {
        final Map<LeafrefTypeDefinition, Set<String>> shared = new IdentityHashMap<>();
        for (XNode child : tree.children()) {
            checkSubtree(tree, child, shared, errors);
        }
    }

    /**
     * Checks must conditions, leafrefs and instance identifiers of {@code node} and its descendants;
     * {@code sharedTargets} holds the candidate values of leafref types whose candidates are the same
     * from every node, computed once.
     */
    void checkSubtree(final XNode tree, final XNode node, final Map<LeafrefTypeDefinition, Set<String>> sharedTargets,
            final List<ValidationError> errors) {
        checkNode(tree, node, sharedTargets, errors);
        for (XNode child : node.children()) {
            checkSubtree(tree, child, sharedTargets, errors);
        }
    }

    private void checkNode(final XNode tree, final XNode child,
            final Map<LeafrefTypeDefinition, Set<String>> sharedTargets, final List<ValidationError> errors) {
        if (child.schema() instanceof MustConstraintAware aware) {
            for (MustDefinition must : aware.getMustConstraints()) {
                checkMust(must, child, errors);
            }
        }
        if (!child.isImplicit() && child.schema() instanceof TypeAware typed) {
            if (typed.getType() instanceof LeafrefTypeDefinition leafref && leafref.requireInstance()) {
                checkLeafref(child, leafref, sharedTargets, errors);
            } else if (typed.getType() instanceof InstanceIdentifierTypeDefinition) {
                checkInstanceIdentifier(tree, child, errors);
            }
        }
    }

    /** Checks that the target of an instance-identifier leaf exists, unless its type says it need not. */
    void checkInstanceIdentifier(final XNode tree, final XNode node, final List<ValidationError> errors) {
        if (!node.isImplicit() && node.value() instanceof YangInstanceIdentifier target
                && instanceIdentifiers.requiresInstance(node.schema())
                && instanceIdentifiers.target(tree, target) == null) {
            errors.add(error(ErrorTag.DATA_MISSING, Optional.of("instance-required"), node.path(),
                "the instance " + DataPaths.of(context, target) + " does not exist"));
        }
    }

    void checkMust(final MustDefinition must, final XNode node, final List<ValidationError> errors) {
        final var declared = must.asEffectiveStatement().getDeclared();
        final String raw = declared == null ? null : declared.rawArgument();
        final String text = raw != null ? raw : must.getXpath().toString();
        try {
            if (!evaluator.test(must.getXpath(), node)) {
                errors.add(error(ErrorTag.OPERATION_FAILED,
                    Optional.of(must.getErrorAppTag().orElse("must-violation")), node.path(),
                    must.getErrorMessage().orElse("must condition \"" + text + "\" is not satisfied")));
            }
        } catch (XPathException e) {
            errors.add(error(ErrorTag.OPERATION_FAILED, Optional.empty(), node.path(),
                "cannot evaluate must condition \"" + text + "\": " + e.getMessage()));
        }
    }

    void checkLeafref(final XNode node, final LeafrefTypeDefinition type,
            final Map<LeafrefTypeDefinition, Set<String>> sharedTargets, final List<ValidationError> errors) {
        final String value = strings.of(node);
        try {
            final boolean found = LeafrefTargets.sameForEveryNode(type)
                ? sharedTargets.computeIfAbsent(type, t -> leafrefs.candidates(node, t).stream()
                    .map(strings::of).collect(Collectors.toSet())).contains(value)
                : leafrefs.candidates(node, type).stream().anyMatch(c -> strings.of(c).equals(value));
            if (!found) {
                errors.add(error(ErrorTag.DATA_MISSING, Optional.of("instance-required"), node.path(),
                    "no " + type.getPathStatement().getOriginalString() + " has the value '" + value + "'"));
            }
        } catch (XPathException e) {
            errors.add(error(ErrorTag.OPERATION_FAILED, Optional.empty(), node.path(),
                "cannot evaluate leafref path " + type.getPathStatement().getOriginalString() + ": "
                    + e.getMessage()));
        }
    }

    private ValidationError error(final ErrorTag tag, final Optional<String> appTag, final YangInstanceIdentifier path,
            final String message) {
        return new ValidationError(ErrorType.APPLICATION, tag, appTag, DataPaths.of(context, path), message);
    }
}
