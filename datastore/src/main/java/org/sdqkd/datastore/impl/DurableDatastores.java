package org.sdqkd.datastore.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.spi.DataTreeCandidates;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.Checkpoint;
import org.sdqkd.datastore.api.DataChangeListener;
import org.sdqkd.datastore.api.DataSnapshot;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.OperationFailedException;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.api.ValidationResult;
import org.sdqkd.datastore.YangModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datastores of one agent, kept in a directory: running and startup are persisted by a {@link DocumentStore},
 * the candidate and the operational datastore live in memory. Every change takes this object's monitor, so changes
 * are applied one at a time, in one order. The candidate has uncommitted changes while its content differs from
 * running's; while it has none, it follows running's changes.
 */
public final class DurableDatastores implements Datastores {
    /** Serializes every change; snapshots need no lock. Private, so that no caller can hold it. */
    private final Object lock = new Object();

    private static final Logger LOG = LoggerFactory.getLogger(DurableDatastores.class);

    private final DocumentStore store;
    private final ChangeNotifier notifier = new ChangeNotifier();
    private final CommitEngine engine;
    private final TreeErrors errors;
    private final LockTable locks = new LockTable();
    private long runningChanges;
    private boolean closed;

    private DurableDatastores(final DocumentStore store, final EffectiveModelContext context) {
        this.store = store;
        engine = new CommitEngine(context, () -> YangModels.validator(context), store, notifier);
        errors = new TreeErrors(context);
    }

    /**
     * Opens the datastores kept in a directory; see {@link Datastores#open(Path, EffectiveModelContext)}.
     *
     * @throws StorageException when the directory is in use or its files cannot be read or decrypted
     */
    public static DurableDatastores open(final Path directory, final EffectiveModelContext context)
            throws StorageException {
        final DocumentStore store;
        try {
            store = DocumentStore.open(directory, context);
        } catch (IOException e) {
            throw new StorageException("cannot open the datastores in " + directory + ": " + e.getMessage(), e);
        }
        final DurableDatastores datastores = new DurableDatastores(store, context);
        try {
            datastores.loadStored();
        } catch (IOException | DatastoreException e) {
            datastores.close();
            throw new StorageException("cannot load the datastores in " + directory + ": " + e.getMessage(), e);
        }
        return datastores;
    }

    private void loadStored() throws IOException, DatastoreException {
        final Optional<DocumentStore.StoredContent> startup = store.load(DatastoreName.STARTUP);
        final Optional<DocumentStore.StoredContent> running = store.load(DatastoreName.RUNNING);
        if (startup.isPresent()) {
            engine.load(DatastoreName.STARTUP, startup.orElseThrow().clear(), startup.orElseThrow().secrets(),
                startup.orElseThrow().journal());
        }
        final Optional<DocumentStore.StoredContent> initial = running.or(() -> startup);
        if (initial.isPresent()) {
            engine.load(DatastoreName.RUNNING, initial.orElseThrow().clear(), initial.orElseThrow().secrets(),
                initial.orElseThrow().journal());
            if (running.isEmpty()) {
                store.save(DatastoreName.RUNNING, engine.root(DatastoreName.RUNNING));
            }
        }
        engine.load(DatastoreName.CANDIDATE, engine.root(DatastoreName.RUNNING), Optional.empty(), List.of());
        final ValidationResult result = engine.validate(DatastoreName.RUNNING, engine.root(DatastoreName.RUNNING));
        if (!result.isValid()) {
            // paths and tags only: messages may quote values, and some values are secret
            LOG.warn("The stored running datastore is not valid at {}",
                result.errors().stream().map(e -> e.path() + " (" + e.tag().elementBody() + ")").toList());
        }
    }

    @Override
    public DataSnapshot snapshot(final DatastoreName datastore) {
        return new TreeSnapshot(datastore, engine.snapshot(datastore));
    }

    @Override
    public DataTransaction newTransaction(final DatastoreName target, final SessionId owner) {
        return new TreeTransaction(target, owner, engine.snapshot(target).newModification(), this, errors);
    }

    @Override
    public void lock(final DatastoreName datastore, final SessionId session) throws DatastoreException {
        synchronized (lock) {
            checkOpen();
            locks.lock(datastore, session);
            LOG.debug("{} locked the {} datastore", session, datastore.yangName());
        }
    }

    @Override
    public void unlock(final DatastoreName datastore, final SessionId session)
            throws OperationFailedException {
        synchronized (lock) {
            locks.unlock(datastore, session);
            LOG.debug("{} unlocked the {} datastore", session, datastore.yangName());
        }
    }

    @Override
    public void releaseSession(final SessionId session) {
        synchronized (lock) {
            if (locks.release(session) && !closed) {
                try {
                    discardCandidate(session);
                } catch (DatastoreException e) {
                    // the candidate is neither validated nor stored, and running's content fits it
                    throw new IllegalStateException("cannot reset the candidate to running", e);
                }
            }
        }
    }

    @Override
    public void commit(final SessionId session) throws DatastoreException {
        synchronized (lock) {
            checkOpen();
            locks.checkWritable(DatastoreName.RUNNING, session);
            locks.checkWritable(DatastoreName.CANDIDATE, session);
            afterChange(DatastoreName.RUNNING, session,
                engine.replace(DatastoreName.RUNNING, session, engine.root(DatastoreName.CANDIDATE), true));
            locks.candidateSettled();
        }
    }

    @Override
    public void discardChanges(final SessionId session) throws DatastoreException {
        synchronized (lock) {
            checkOpen();
            locks.checkWritable(DatastoreName.CANDIDATE, session);
            discardCandidate(session);
        }
    }

    @Override
    public void copy(final DatastoreName from, final DatastoreName to, final SessionId session)
            throws DatastoreException {
        synchronized (lock) {
            checkOpen();
            if (!to.isConfiguration() || from == to) {
                throw new OperationFailedException(new ValidationError(ErrorType.PROTOCOL,
                    ErrorTag.OPERATION_NOT_SUPPORTED, Optional.empty(), "",
                    "cannot copy the " + from.yangName() + " datastore to the " + to.yangName() + " datastore"));
            }
            locks.checkWritable(to, session);
            afterChange(to, session, engine.replace(to, session, engine.root(from), to != DatastoreName.CANDIDATE));
        }
    }

    @Override
    public void delete(final DatastoreName datastore, final SessionId session)
            throws DatastoreException {
        synchronized (lock) {
            checkOpen();
            if (datastore != DatastoreName.STARTUP) {
                throw new OperationFailedException(new ValidationError(ErrorType.PROTOCOL,
                    ErrorTag.OPERATION_NOT_SUPPORTED, Optional.empty(), "",
                    "only the startup datastore can be deleted, not " + datastore.yangName()));
            }
            locks.checkWritable(datastore, session);
            final ContainerNode empty = ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(engine.root(datastore).name()).build();
            engine.replace(datastore, session, empty, false);
        }
    }

    @Override
    public Checkpoint checkpoint() {
        synchronized (lock) {
            return new Checkpoint(runningChanges, engine.root(DatastoreName.RUNNING));
        }
    }

    @Override
    public void rollback(final Checkpoint checkpoint, final SessionId session)
            throws DatastoreException {
        synchronized (lock) {
            checkOpen();
            locks.checkWritable(DatastoreName.RUNNING, session);
            afterChange(DatastoreName.RUNNING, session,
                engine.replace(DatastoreName.RUNNING, session, checkpoint.running(), false));
            LOG.info("{} rolled running back to checkpoint {}", session, checkpoint.sequence());
        }
    }

    @Override
    public Registration listen(final DatastoreName datastore, final YangInstanceIdentifier subtree,
            final DataChangeListener listener) {
        return notifier.register(datastore, subtree, listener);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            notifier.close();
            try {
                store.close();
            } catch (IOException e) {
                LOG.warn("Cannot release the datastore directory", e);
            }
        }
    }

    @Override
    public void storeSealed(final String name, final byte[] content) throws StorageException {
        synchronized (lock) {
            checkOpen();
            try {
                store.storeSealed(name, content);
            } catch (IOException e) {
                throw new StorageException("cannot store " + name, e);
            }
        }
    }

    @Override
    public Optional<byte[]> loadSealed(final String name) throws StorageException {
        synchronized (lock) {
            checkOpen();
            try {
                return store.loadSealed(name);
            } catch (IOException e) {
                throw new StorageException("cannot read " + name, e);
            }
        }
    }

    @Override
    public void deleteSealed(final String name) throws StorageException {
        synchronized (lock) {
            checkOpen();
            try {
                store.deleteSealed(name);
            } catch (IOException e) {
                throw new StorageException("cannot delete " + name, e);
            }
        }
    }

    /** Commits a transaction's ready modification; see {@link DataTransaction#commit()}. */
    void commitTransaction(final DatastoreName target, final SessionId owner,
            final DataTreeModification modification) throws DatastoreException {
        synchronized (lock) {
            checkOpen();
            locks.checkWritable(target, owner);
            afterChange(target, owner, engine.apply(target, owner, modification, target.isPersistent()));
        }
    }

    /** Validates what a transaction would commit; see {@link DataTransaction#validate()}. */
    ValidationResult validateContent(final DatastoreName target, final ContainerNode root) {
        return engine.validate(target, root);
    }

    private void discardCandidate(final SessionId session) throws DatastoreException {
        engine.replace(DatastoreName.CANDIDATE, session, engine.root(DatastoreName.RUNNING), false);
        locks.candidateSettled();
    }

    private void afterChange(final DatastoreName target, final SessionId session,
            final Optional<DataTreeCandidate> change) throws DatastoreException {
        if (change.isEmpty()) {
            return;
        }
        switch (target) {
            case RUNNING -> {
                runningChanges++;
                if (!locks.candidateModified()) {
                    // the unmodified candidate equals running, so running's change applies to it as well
                    final DataTreeModification follow = engine.snapshot(DatastoreName.CANDIDATE).newModification();
                    DataTreeCandidates.applyToModification(follow, change.orElseThrow());
                    follow.ready();
                    engine.apply(DatastoreName.CANDIDATE, session, follow, false);
                }
            }
            case CANDIDATE -> {
                if (engine.root(DatastoreName.CANDIDATE).equals(engine.root(DatastoreName.RUNNING))) {
                    // changed back to what running holds: nothing is left to commit
                    locks.candidateSettled();
                } else {
                    locks.candidateChangedBy(session);
                }
            }
            case STARTUP, OPERATIONAL -> {
                // nothing follows these
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the datastores are closed");
        }
    }
}
