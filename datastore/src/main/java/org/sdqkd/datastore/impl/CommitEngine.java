package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateTip;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeSnapshot;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeFactory;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.data.tree.spi.DataTreeCandidates;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DataValidator;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.datastore.api.ValidationFailedException;
import org.sdqkd.datastore.api.ValidationResult;

/**
 * Holds one yangtools data tree per datastore and applies changes to them: conflict check, validation of
 * the result (of what the change can affect, when the content before it was validated), durable write
 * (running, startup), in-memory commit, notification. The trees do not check mandatory nodes themselves
 * (that check ignores {@code when}; the {@link DataValidator} does it properly) but do check the structure
 * of every write. Callers serialize the calls that change data.
 */
final class CommitEngine {
    private final Map<DatastoreName, DataTree> trees = new EnumMap<>(DatastoreName.class);
    /** One validator per configuration datastore, so each keeps the tree of its own last valid content. */
    private final Map<DatastoreName, DataValidator> validators = new EnumMap<>(DatastoreName.class);
    private final DocumentStore store;
    private final ChangeNotifier notifier;
    private final TreeErrors errors;

    CommitEngine(final EffectiveModelContext context, final Supplier<DataValidator> validatorFactory,
            final DocumentStore store, final ChangeNotifier notifier) {
        for (DatastoreName name : DatastoreName.values()) {
            if (name.isConfiguration()) {
                validators.put(name, requireNonNull(validatorFactory.get()));
            }
        }
        this.store = requireNonNull(store);
        this.notifier = requireNonNull(notifier);
        errors = new TreeErrors(context);
        final DataTreeFactory factory = new InMemoryDataTreeFactory();
        for (DatastoreName name : DatastoreName.values()) {
            trees.put(name, factory.create(configuration(name), context));
        }
    }

    private static DataTreeConfiguration configuration(final DatastoreName name) {
        return DataTreeConfiguration.builder(name.isConfiguration() ? TreeType.CONFIGURATION : TreeType.OPERATIONAL)
            .setMandatoryNodesValidation(false)
            .setRecursiveWriteValidation(true)
            .build();
    }

    /** The current content of a datastore. */
    DataTreeSnapshot snapshot(final DatastoreName name) {
        return trees.get(name).takeSnapshot();
    }

    /** The current root of a datastore. */
    ContainerNode root(final DatastoreName name) {
        return (ContainerNode) snapshot(name).readNode(YangInstanceIdentifier.of()).orElseThrow();
    }

    /** Whether the given content is valid for a datastore; the operational datastore is not validated. */
    ValidationResult validate(final DatastoreName name, final ContainerNode root) {
        return name.isConfiguration() ? validators.get(name).validate(root) : ValidationResult.valid();
    }

    /**
     * Puts stored content into a datastore at start-up: no validation, persistence nor notification.
     *
     * @throws ValidationFailedException when the content does not fit the models' structure
     */
    void load(final DatastoreName name, final ContainerNode clear, final Optional<ContainerNode> secrets,
            final List<DataTreeCandidate> journal) throws DatastoreException {
        final DataTree tree = trees.get(name);
        final DataTreeModification modification = tree.takeSnapshot().newModification();
        try {
            modification.write(YangInstanceIdentifier.of(), clear);
            secrets.ifPresent(s -> modification.merge(YangInstanceIdentifier.of(), s));
            modification.ready();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw errors.invalid(e, YangInstanceIdentifier.of());
        }
        tree.commit(prepare(tree, modification));
        for (DataTreeCandidate commit : journal) {
            final DataTreeModification replay = tree.takeSnapshot().newModification();
            try {
                DataTreeCandidates.applyToModification(replay, commit);
                replay.ready();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw errors.invalid(e, YangInstanceIdentifier.of());
            }
            tree.commit(prepare(tree, replay));
        }
    }

    /**
     * Replaces a datastore's whole content.
     *
     * @param validate whether to validate the result (never for the operational datastore)
     * @return the commit, or empty when the content did not change
     */
    Optional<DataTreeCandidate> replace(final DatastoreName name, final SessionId session, final ContainerNode root,
            final boolean validate) throws DatastoreException {
        final DataTreeModification modification = snapshot(name).newModification();
        try {
            modification.write(YangInstanceIdentifier.of(), root);
            modification.ready();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw errors.invalid(e, YangInstanceIdentifier.of());
        }
        return apply(name, session, modification, validate);
    }

    /**
     * Applies a ready modification: when this returns, the change is committed, durable for running and startup,
     * and its notifications are queued. On failure nothing changed.
     *
     * @param validate whether to validate the result (never for the operational datastore)
     * @return the commit, or empty when the content did not change
     */
    Optional<DataTreeCandidate> apply(final DatastoreName name, final SessionId session,
            final DataTreeModification modification, final boolean validate) throws DatastoreException {
        final DataTree tree = trees.get(name);
        final DataTreeCandidateTip candidate = prepare(tree, modification);
        final ContainerNode after = (ContainerNode) candidate.getRootNode().dataAfter();
        if (candidate.getRootNode().modificationType() == ModificationType.UNMODIFIED
                || after.equals(candidate.getRootNode().dataBefore())
                    && SameContent.of(candidate.getRootNode().dataBefore(), after)) {
            return Optional.empty();
        }
        if (validate && name.isConfiguration()) {
            // re-checks only what the change can affect when the content before it was found valid
            final ValidationResult result = validators.get(name).validateChange(
                (ContainerNode) candidate.getRootNode().dataBefore(), after, ChangedPaths.of(candidate));
            if (!result.isValid()) {
                throw new ValidationFailedException(result.errors());
            }
        }
        if (name.isPersistent()) {
            try {
                store.commit(name, candidate, after);
            } catch (IOException e) {
                throw new StorageException("the " + name.yangName() + " datastore could not be stored: "
                    + e.getMessage(), e);
            }
        }
        tree.commit(candidate);
        notifier.publish(name, candidate, session);
        return Optional.of(candidate);
    }

    private DataTreeCandidateTip prepare(final DataTree tree, final DataTreeModification modification)
            throws DatastoreException {
        try {
            tree.validate(modification);
            return tree.prepare(modification);
        } catch (DataValidationFailedException e) {
            throw errors.conflict(e, e.getPath());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw errors.invalid(e, YangInstanceIdentifier.of());
        }
    }
}
