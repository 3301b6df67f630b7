package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.AnydataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraint;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeAware;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Descendant;
import org.opendaylight.yangtools.yang.model.api.stmt.UniqueEffectiveStatement;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.impl.xpath.Conditions;
import org.sdqkd.datastore.impl.xpath.XNode;
import org.sdqkd.datastore.impl.xpath.XPathEvaluator;
import org.sdqkd.datastore.impl.xpath.XPathException;
import org.sdqkd.datastore.impl.xpath.XStrings;

/**
 * Checks the constraints on the shape of the tree (RFC 7950 sections 7.6.5, 7.7.5, 7.8.3, 7.9.4) and
 * reports every violation with its data path: mandatory leaves, anydata and choices (also in top-level
 * non-presence containers of modules that have data), min-elements and max-elements, unique, leaf values
 * against their types ({@link ValueTypes}) and the bases of identityref values. A node under a
 * {@code when} condition that is false is not required. Runs on the tree after {@code when}-false nodes
 * have been removed.
 */
final class StructureValidator {
    /** Checks the unique constraints of every list. */
    private static final BiPredicate<XNode, ListSchemaNode> ALL_UNIQUE = (node, list) -> true;

    private final EffectiveModelContext context;
    private final XPathEvaluator evaluator;
    private final Conditions conditions;
    private final XStrings strings;
    private final IdentityDerivation identities;
    private final ValueTypes values = new ValueTypes();

    StructureValidator(final EffectiveModelContext context, final XPathEvaluator evaluator,
            final Conditions conditions) {
        this.context = requireNonNull(context);
        this.evaluator = requireNonNull(evaluator);
        this.conditions = requireNonNull(conditions);
        strings = new XStrings(context);
        identities = new IdentityDerivation(context);
    }

    /** Checks the whole tree. */
    void check(final XNode tree, final List<ValidationError> errors) {
        checkTop(tree, true, ALL_UNIQUE, errors);
    }

    /**
     * Checks the constraints on the children of {@code node} (mandatory ones present, counts, unique),
     * without descending into present children: after a change below {@code node}.
     */
    void checkShallow(final XNode node, final List<ValidationError> errors) {
        checkShallow(node, ALL_UNIQUE, errors);
    }

    /**
     * As {@link #checkShallow(XNode, List)}, with the unique constraints of the lists directly below {@code node}
     * checked only where {@code unique} says a change can have broken them.
     *
     * @param node   the node
     * @param unique given {@code node} and one of its lists, whether to check the list's unique constraints
     * @param errors where errors go
     */
    void checkShallow(final XNode node, final BiPredicate<XNode, ListSchemaNode> unique,
            final List<ValidationError> errors) {
        if (node.parent() == null) {
            checkTop(node, false, unique, errors);
        } else if (node.schema() instanceof DataNodeContainer container) {
            checkNode(node, container, false, unique, errors);
        }
    }

    /** Checks a node and everything below it: a subtree a change put into the tree. */
    void checkNew(final XNode node, final List<ValidationError> errors) {
        if (node.schema() instanceof DataNodeContainer container) {
            checkNode(node, container, true, ALL_UNIQUE, errors);
        } else if (node.schema() instanceof TypeAware) {
            checkIdentity(node, node.schema(), errors);
        }
    }

    private void checkTop(final XNode tree, final boolean deep, final BiPredicate<XNode, ListSchemaNode> unique,
            final List<ValidationError> errors) {
        final Set<QNameModule> modulesWithData = tree.children().stream()
            .map(n -> n.name().getModule()).collect(Collectors.toSet());
        for (DataSchemaNode top : context.getChildNodes()) {
            if (modulesWithData.contains(top.getQName().getModule())) {
                checkChild(tree, context, top, deep, unique, errors);
            }
        }
    }

    private void checkNode(final XNode node, final DataNodeContainer schema, final boolean deep,
            final BiPredicate<XNode, ListSchemaNode> unique, final List<ValidationError> errors) {
        for (DataSchemaNode child : schema.getChildNodes()) {
            checkChild(node, schema, child, deep, unique, errors);
        }
    }

    private void checkChild(final XNode node, final DataNodeContainer parentSchema, final DataSchemaNode child,
            final boolean deep, final BiPredicate<XNode, ListSchemaNode> unique, final List<ValidationError> errors) {
        final List<XNode> present = node.children(child.getQName());
        switch (child) {
            case ContainerSchemaNode container -> {
                if (!present.isEmpty()) {
                    if (deep) {
                        checkNode(present.get(0), container, true, ALL_UNIQUE, errors);
                    }
                } else if (!container.isPresenceContainer() && required(node, parentSchema, child)) {
                    checkNode(XNode.detached(container, node), container, true, ALL_UNIQUE, errors);
                }
            }
            case LeafSchemaNode leaf -> {
                if (present.isEmpty() && leaf.isMandatory() && required(node, parentSchema, child)) {
                    errors.add(missing(node, child, "mandatory leaf " + name(child) + " is missing"));
                }
                if (deep) {
                    present.forEach(p -> checkIdentity(p, leaf, errors));
                }
            }
            case AnydataSchemaNode anydata -> {
                if (present.isEmpty() && anydata.isMandatory() && required(node, parentSchema, child)) {
                    errors.add(missing(node, child, "mandatory anydata " + name(child) + " is missing"));
                }
            }
            case AnyxmlSchemaNode anyxml -> {
                if (present.isEmpty() && anyxml.isMandatory() && required(node, parentSchema, child)) {
                    errors.add(missing(node, child, "mandatory anyxml " + name(child) + " is missing"));
                }
            }
            case ChoiceSchemaNode choice -> checkChoice(node, parentSchema, choice, deep, unique, errors);
            case ListSchemaNode list -> {
                checkCount(node, parentSchema, list, present, errors);
                if (deep) {
                    present.forEach(entry -> checkNode(entry, list, true, ALL_UNIQUE, errors));
                }
                if (unique.test(node, list)) {
                    for (UniqueEffectiveStatement constraint : list.getUniqueConstraints()) {
                        checkUnique(constraint.argument(), present, errors);
                    }
                }
            }
            case LeafListSchemaNode leafList -> {
                checkCount(node, parentSchema, leafList, present, errors);
                if (deep) {
                    present.forEach(p -> checkIdentity(p, leafList, errors));
                }
            }
            default -> {
                // nothing to check on other statements
            }
        }
    }

    private void checkChoice(final XNode node, final DataNodeContainer parentSchema, final ChoiceSchemaNode choice,
            final boolean deep, final BiPredicate<XNode, ListSchemaNode> unique, final List<ValidationError> errors) {
        final Optional<? extends CaseSchemaNode> active = choice.getCases().stream()
            .filter(c -> hasData(node, c)).findFirst();
        if (active.isPresent()) {
            checkNode(node, active.orElseThrow(), deep, unique, errors);
        } else if (choice.isMandatory() && required(node, parentSchema, choice)) {
            errors.add(new ValidationError(ErrorType.APPLICATION, ErrorTag.DATA_MISSING,
                Optional.of("missing-choice"), DataPaths.of(context, node.path()),
                "no case of the mandatory choice " + name(choice) + " is present"));
        }
    }

    private static boolean hasData(final XNode node, final DataNodeContainer caseNode) {
        for (DataSchemaNode member : caseNode.getChildNodes()) {
            if (member instanceof ChoiceSchemaNode nested
                    ? nested.getCases().stream().anyMatch(c -> hasData(node, c))
                    : node.children(member.getQName()).stream().anyMatch(c -> !c.isImplicit())) {
                return true;
            }
        }
        return false;
    }

    private void checkCount(final XNode node, final DataNodeContainer parentSchema,
            final ElementCountConstraintAware schema, final List<XNode> present, final List<ValidationError> errors) {
        final Optional<ElementCountConstraint> constraint = schema.getElementCountConstraint();
        if (constraint.isEmpty()) {
            return;
        }
        final DataSchemaNode child = (DataSchemaNode) schema;
        final Integer min = constraint.orElseThrow().getMinElements();
        final Integer max = constraint.orElseThrow().getMaxElements();
        final YangInstanceIdentifier path = node.path().node(child.getQName());
        if (min != null && present.size() < min && (!present.isEmpty() || required(node, parentSchema, child))) {
            errors.add(new ValidationError(ErrorType.APPLICATION, ErrorTag.OPERATION_FAILED,
                Optional.of("too-few-elements"), DataPaths.of(context, path),
                present.size() + " " + name(child) + " entries, at least " + min + " required"));
        }
        if (max != null && present.size() > max) {
            errors.add(new ValidationError(ErrorType.APPLICATION, ErrorTag.OPERATION_FAILED,
                Optional.of("too-many-elements"), DataPaths.of(context, present.get(max).path()),
                present.size() + " " + name(child) + " entries, at most " + max + " allowed"));
        }
    }

    private void checkUnique(final Set<Descendant> leaves, final List<XNode> entries,
            final List<ValidationError> errors) {
        final Map<List<String>, XNode> seen = new HashMap<>();
        for (XNode entry : entries) {
            final Optional<List<String>> values = uniqueValues(entry, leaves);
            if (values.isPresent()) {
                final XNode first = seen.putIfAbsent(values.orElseThrow(), entry);
                if (first != null) {
                    errors.add(new ValidationError(ErrorType.APPLICATION, ErrorTag.OPERATION_FAILED,
                        Optional.of("data-not-unique"), DataPaths.of(context, entry.path()),
                        "unique constraint violated: "
                            + leaves.stream().map(d -> d.lastNodeIdentifier().getLocalName()).toList()
                            + " equal those of " + DataPaths.of(context, first.path())));
                }
            }
        }
    }

    /**
     * The values of a list entry that a unique constraint compares (RFC 7950 section 7.8.3).
     *
     * @param entry  the list entry
     * @param leaves the constraint's descendant leaves
     * @return their values as strings, in order; empty when one is absent (the constraint does not apply)
     */
    Optional<List<String>> uniqueValues(final XNode entry, final Set<Descendant> leaves) {
        final List<String> values = new ArrayList<>(leaves.size());
        for (Descendant leaf : leaves) {
            final XNode value = descendant(entry, leaf.getNodeIdentifiers());
            if (value == null) {
                return Optional.empty();
            }
            values.add(strings.of(value));
        }
        return Optional.of(values);
    }

    private static XNode descendant(final XNode entry, final List<QName> steps) {
        XNode at = entry;
        for (QName step : steps) {
            at = at.child(step).orElse(null);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private void checkIdentity(final XNode node, final DataSchemaNode schema, final List<ValidationError> errors) {
        if (node.isImplicit() || !(schema instanceof TypeAware typed)) {
            return;
        }
        identities.check(typed.getType(), node.value()).or(() -> values.check(typed.getType(), node.value()))
            .ifPresent(why -> errors.add(new ValidationError(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE,
                Optional.empty(), DataPaths.of(context, node.path()), why)));
    }

    /** Whether every when condition of an absent child holds, so that its mandatory content is needed. */
    private boolean required(final XNode node, final DataNodeContainer parentSchema, final DataSchemaNode child) {
        for (Conditions.When when : conditions.of(parentSchema, child)) {
            try {
                final XNode contextNode = when.parentContext() ? node : XNode.detached(child, node);
                if (!evaluator.test(when.statement().argument(), contextNode, child.getQName().getModule())) {
                    return false;
                }
            } catch (XPathException e) {
                return false;
            }
        }
        return true;
    }

    private ValidationError missing(final XNode node, final DataSchemaNode child, final String message) {
        return new ValidationError(ErrorType.APPLICATION, ErrorTag.DATA_MISSING, Optional.empty(),
            DataPaths.of(context, node.path().node(child.getQName())), message);
    }

    private static String name(final DataSchemaNode node) {
        return node.getQName().getLocalName();
    }
}
