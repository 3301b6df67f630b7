package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangNetconfError;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeFactory;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DataValidator;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.api.ValidationResult;
import org.sdqkd.datastore.impl.xpath.Conditions;
import org.sdqkd.datastore.impl.xpath.XNode;
import org.sdqkd.datastore.impl.xpath.XPathEvaluator;
import org.sdqkd.datastore.impl.xpath.XPathException;
import org.sdqkd.datastore.impl.xpath.XTreeBuilder;

/**
 * Validates data completely (RFC 7950 section 8): on the XPath view of the data with its defaults,
 * {@code when} conditions first, then the tree's shape ({@link StructureValidator}: mandatory nodes,
 * element counts, unique, identity bases), then {@code must}, leafref and instance-identifier
 * ({@link ConstraintValidator}); every error is reported with its path. Valid data is then committed into
 * an empty yangtools data tree, which checks the structure once more as a safety net. The tree is of the
 * operational type, so that state data is accepted alongside configuration. The tree's own mandatory check
 * is off: it ignores {@code when}, and so refuses valid data whose mandatory nodes sit under a false
 * condition. {@link #validateChange} re-checks only what a change can affect ({@link ChangeValidation}),
 * keeping the XPath tree of the content last found valid.
 */
public final class DataTreeValidator implements DataValidator {
    private static final DataTreeConfiguration CONFIGURATION = DataTreeConfiguration.builder(TreeType.OPERATIONAL)
        .setMandatoryNodesValidation(false)
        .setUniqueIndexes(false)
        .setRecursiveWriteValidation(true)
        .build();

    private final EffectiveModelContext context;
    private final DataTreeFactory factory = new InMemoryDataTreeFactory();
    private final XTreeBuilder trees;
    private final StructureValidator structure;
    private final ConstraintValidator constraints;
    private final Conditions conditions;
    private DependencyIndex dependencies;
    /** The data last found valid in full or by change, and its tree; guarded by this. */
    private ContainerNode lastValid;
    private XNode lastTree;
    /** How many validations ran in full, for tests of the change path. */
    private int fullValidations;

    /**
     * A validator for the given models.
     *
     * @param context the models
     */
    public DataTreeValidator(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
        trees = new XTreeBuilder(context);
        final XPathEvaluator evaluator = new XPathEvaluator(context);
        conditions = new Conditions();
        structure = new StructureValidator(context, evaluator, conditions);
        constraints = new ConstraintValidator(context, evaluator, conditions);
    }

    @Override
    public synchronized ValidationResult validate(final ContainerNode root) {
        lastValid = null;
        lastTree = null;
        final ValidationResult result = validateFully(root);
        return result;
    }

    @Override
    public synchronized ValidationResult validateChange(final ContainerNode before, final ContainerNode after,
            final Collection<YangInstanceIdentifier> changed) {
        if (before != lastValid || lastTree == null || changed.isEmpty()
                || changed.stream().anyMatch(p -> p.getPathArguments().isEmpty())) {
            return validate(after);
        }
        final ChangeValidation change = new ChangeValidation(context, trees, structure, constraints, dependencies(),
            lastTree);
        final List<ValidationError> errors;
        try {
            errors = change.apply(after, changed);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException | XPathException e) {
            // a change the incremental path cannot follow: validate in full
            change.revert();
            return validate(after);
        }
        if (!errors.isEmpty()) {
            change.revert();
            return new ValidationResult(errors);
        }
        lastValid = after;
        return ValidationResult.valid();
    }

    private DependencyIndex dependencies() {
        if (dependencies == null) {
            dependencies = new DependencyIndex(context, conditions);
        }
        return dependencies;
    }

    /** How many validations ran in full since this validator was made. */
    synchronized int fullValidations() {
        return fullValidations;
    }

    private ValidationResult validateFully(final ContainerNode root) {
        fullValidations++;
        final XNode view = trees.build(root);
        final List<ValidationError> errors = new ArrayList<>();
        constraints.checkWhen(view, errors);
        structure.check(view, errors);
        constraints.checkReferences(view, errors);
        if (!errors.isEmpty()) {
            // the data tree would only find some of the same faults again, without their paths
            return new ValidationResult(errors);
        }
        final ValidationResult treeResult = validateInDataTree(root);
        if (treeResult.isValid()) {
            lastValid = root;
            lastTree = view;
        }
        return treeResult;
    }

    private ValidationResult validateInDataTree(final ContainerNode root) {
        final DataTree tree = factory.create(CONFIGURATION, context);
        final DataTreeModification modification = tree.takeSnapshot().newModification();
        try {
            modification.write(YangInstanceIdentifier.of(), root);
            modification.ready();
            tree.validate(modification);
            tree.commit(tree.prepare(modification));
            return ValidationResult.valid();
        } catch (DataValidationFailedException e) {
            return ValidationResult.of(toError(e, e.getPath()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return ValidationResult.of(toError(e, YangInstanceIdentifier.of()));
        }
    }

    private ValidationError toError(final Exception failure, final YangInstanceIdentifier fallbackPath) {
        final Optional<YangNetconfError> netconf = ParseErrors.netconfError(failure);
        final YangInstanceIdentifier path = netconf.map(YangNetconfError::path).orElse(fallbackPath);
        final ErrorTag tag = netconf.map(YangNetconfError::tag).orElse(ErrorTag.DATA_MISSING);
        return new ValidationError(ErrorType.APPLICATION, tag, netconf.map(YangNetconfError::appTag),
            DataPathBuilder.of(context, path == null ? fallbackPath : path), ParseErrors.rootMessage(failure));
    }
}
