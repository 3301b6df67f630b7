package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
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
     * Removes the nodes whose when condition is false: a default silently, a node of the data with an
     * error (RFC 7950 section 8.3.2 lets an edit delete it; in a complete document it is invalid).
     */
    void checkWhen(final XNode node, final List<ValidationError> errors) {
        for (XNode child : List.copyOf(node.children())) {
            final DataNodeContainer parentSchema = node.schema() == null ? context
                : (DataNodeContainer) node.schema();
            final Optional<Conditions.When> failed = conditions.of(parentSchema, child.schema()).stream()
                .filter(w -> !holds(w, child, errors))
                .findFirst();
            if (failed.isPresent()) {
                node.children().remove(child);
                if (!child.isImplicit()) {
                    errors.add(error(ErrorTag.OPERATION_FAILED, Optional.empty(), child.path(),
                        "when condition \"" + failed.orElseThrow().text() + "\" is not satisfied"));
                }
                continue;
            }
            checkWhen(child, errors);
        }
    }

    private boolean holds(final Conditions.When when, final XNode node, final List<ValidationError> errors) {
        try {
            return evaluator.test(when.statement().argument(), when.parentContext() ? node.parent() : node);
        } catch (XPathException e) {
            errors.add(error(ErrorTag.OPERATION_FAILED, Optional.empty(), node.path(),
                "cannot evaluate when condition \"" + when.text() + "\": " + e.getMessage()));
            return true;
        }
    }

    /** Checks must conditions, leafrefs and instance identifiers of every node below {@code node}. */
    void checkReferences(final XNode tree, final List<ValidationError> errors) {
        checkRest(tree, tree, errors);
    }

    private void checkRest(final XNode tree, final XNode node, final List<ValidationError> errors) {
        for (XNode child : node.children()) {
            if (child.schema() instanceof MustConstraintAware aware) {
                for (MustDefinition must : aware.getMustConstraints()) {
                    checkMust(must, child, errors);
                }
            }
            if (!child.isImplicit() && child.schema() instanceof TypeAware typed) {
                if (typed.getType() instanceof LeafrefTypeDefinition leafref && leafref.requireInstance()) {
                    checkLeafref(child, leafref, errors);
                } else if (typed.getType() instanceof InstanceIdentifierTypeDefinition
                        && child.value() instanceof YangInstanceIdentifier target
                        && instanceIdentifiers.requiresInstance(child.schema())
                        && instanceIdentifiers.target(tree, target) == null) {
                    errors.add(error(ErrorTag.DATA_MISSING, Optional.of("instance-required"), child.path(),
                        "the instance " + DataPaths.of(context, target) + " does not exist"));
                }
            }
            checkRest(tree, child, errors);
        }
    }

    private void checkMust(final MustDefinition must, final XNode node, final List<ValidationError> errors) {
        final String text = must.asEffectiveStatement().getDeclared() != null
            ? must.asEffectiveStatement().getDeclared().rawArgument() : must.getXpath().toString();
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

    private void checkLeafref(final XNode node, final LeafrefTypeDefinition type,
            final List<ValidationError> errors) {
        final String value = strings.of(node);
        try {
            if (leafrefs.candidates(node, type).stream().noneMatch(c -> strings.of(c).equals(value))) {
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
