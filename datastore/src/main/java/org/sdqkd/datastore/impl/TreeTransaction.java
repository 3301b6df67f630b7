package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.ValidationFailedException;
import org.sdqkd.datastore.api.ValidationResult;

/** A transaction over a yangtools data tree modification, committed through its {@link DurableDatastores}. */
final class TreeTransaction implements DataTransaction {
    private final DatastoreName target;
    private final SessionId owner;
    private final DataTreeModification modification;
    private final DurableDatastores datastores;
    private final TreeErrors errors;
    private boolean done;

    TreeTransaction(final DatastoreName target, final SessionId owner, final DataTreeModification modification,
            final DurableDatastores datastores, final TreeErrors errors) {
        this.target = requireNonNull(target);
        this.owner = requireNonNull(owner);
        this.modification = requireNonNull(modification);
        this.datastores = requireNonNull(datastores);
        this.errors = requireNonNull(errors);
    }

    @Override
    public DatastoreName target() {
        return target;
    }

    @Override
    public SessionId owner() {
        return owner;
    }

    @Override
    public Optional<NormalizedNode> read(final YangInstanceIdentifier path) {
        checkOpen();
        return modification.readNode(path);
    }

    @Override
    public void write(final YangInstanceIdentifier path, final NormalizedNode data) throws ValidationFailedException {
        checkOpen();
        try {
            modification.write(path, data);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw errors.invalid(e, path);
        }
    }

    @Override
    public void merge(final YangInstanceIdentifier path, final NormalizedNode data) throws ValidationFailedException {
        checkOpen();
        try {
            modification.merge(path, data);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw errors.invalid(e, path);
        }
    }

    @Override
    public void delete(final YangInstanceIdentifier path) throws ValidationFailedException {
        checkOpen();
        try {
            modification.delete(path);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw errors.invalid(e, path);
        }
    }

    @Override
    public ValidationResult validate() {
        checkOpen();
        return datastores.validateContent(target,
            (ContainerNode) modification.readNode(YangInstanceIdentifier.of()).orElseThrow());
    }

    @Override
    public void commit() throws DatastoreException {
        checkOpen();
        done = true;
        try {
            modification.ready();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw errors.invalid(e, YangInstanceIdentifier.of());
        }
        datastores.commitTransaction(target, owner, modification);
    }

    @Override
    public void close() {
        done = true;
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("the transaction was already committed or closed");
        }
    }
}
