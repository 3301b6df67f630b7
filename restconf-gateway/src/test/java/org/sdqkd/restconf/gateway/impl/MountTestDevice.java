package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DataSnapshot;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.restconf.gateway.spi.MountEdit;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountRead;
import org.sdqkd.restconf.gateway.spi.MountedDevice;

/**
 * An in-memory mounted device over the datastore module's {@link Datastores} with the {@code mount-test} models: reads
 * running and the operational state as a NETCONF get or get-config would, applies edits in one transaction on
 * running with the datastore's validation (its refusals become {@link MountException}s with the error-path), answers
 * the {@code ping} RPC and the {@code reset} action, and can be told to refuse every edit with an error of its own.
 */
final class MountTestDevice implements MountedDevice {
    private static final AtomicInteger SESSIONS = new AtomicInteger(1);

    private final Datastores datastores;
    private final EffectiveModelContext context;
    private final DatastoreErrors errors;
    private final AtomicReference<MountException> refusal = new AtomicReference<>();
    private final AtomicInteger editCalls = new AtomicInteger();

    MountTestDevice(final Datastores datastores, final EffectiveModelContext context) {
        this.datastores = requireNonNull(datastores);
        this.context = requireNonNull(context);
        this.errors = new DatastoreErrors(ModelCodecs.of(context));
    }

    /** From now on every edit is refused with this error (null: accepted again). */
    void refuseEdits(final MountException error) {
        refusal.set(error);
    }

    /** How many times {@link #edit} was called. */
    int editCalls() {
        return editCalls.get();
    }

    Datastores datastores() {
        return datastores;
    }

    @Override
    public EffectiveModelContext modelContext() {
        return context;
    }

    @Override
    public Optional<NormalizedNode> read(final MountRead read) {
        final Optional<NormalizedNode> config = read(datastores.snapshot(DatastoreName.RUNNING), read.path());
        final Optional<NormalizedNode> state = read(datastores.snapshot(DatastoreName.OPERATIONAL), read.path());
        return switch (read.content()) {
            case CONFIG -> config;
            case NONCONFIG -> state;
            case ALL -> StateMerge.of(config, state);
        };
    }

    private static Optional<NormalizedNode> read(final DataSnapshot snapshot, final YangInstanceIdentifier path) {
        return path.isEmpty() ? Optional.of(snapshot.root()) : snapshot.read(path);
    }

    @Override
    public void edit(final List<MountEdit> edits) throws MountException {
        editCalls.incrementAndGet();
        final MountException refused = refusal.get();
        if (refused != null) {
            throw refused;
        }
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING,
                new SessionId(SESSIONS.incrementAndGet(), "mount-test"))) {
            for (MountEdit edit : edits) {
                final boolean present = tx.read(edit.path()).isPresent();
                switch (edit.operation()) {
                    case CREATE -> {
                        if (present) {
                            throw new MountException(ErrorType.APPLICATION,
                                ErrorTag.DATA_EXISTS, Optional.empty(), Optional.of(edit.path()), "data exists");
                        }
                        tx.write(edit.path(), edit.data().orElseThrow());
                    }
                    case MERGE -> tx.merge(edit.path(), edit.data().orElseThrow());
                    case REPLACE -> tx.write(edit.path(), edit.data().orElseThrow());
                    case DELETE -> {
                        if (!present) {
                            throw new MountException(ErrorType.APPLICATION,
                                ErrorTag.DATA_MISSING, Optional.empty(), Optional.of(edit.path()), "data missing");
                        }
                        tx.delete(edit.path());
                    }
                    case REMOVE -> {
                        if (present) {
                            tx.delete(edit.path());
                        }
                    }
                }
            }
            tx.commit();
        } catch (DatastoreException e) {
            final RestconfError first = errors.of(e).errors().getFirst();
            throw new MountException(first.type(), first.tag(), first.appTag(), first.path(), first.message());
        }
    }

    @Override
    public ContainerNode invoke(final Absolute operation, final YangInstanceIdentifier target,
            final ContainerNode input) throws MountException {
        final QName name = operation.lastNodeIdentifier();
        final QName output = QName.create(name, "output");
        if (MountTestModel.PING.equals(name)) {
            return ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(output))
                .withChild(ImmutableNodes.leafNode(MountTestModel.qname("rtt"), Uint32.valueOf(7))).build();
        }
        if (MountTestModel.RESET.equals(name)) {
            if (datastores.snapshot(DatastoreName.RUNNING).read(target).isEmpty()) {
                throw new MountException(ErrorType.APPLICATION,
                    ErrorTag.DATA_MISSING, Optional.empty(), Optional.of(target), "no such interface");
            }
            final String answer = "reset " + ((NodeIdentifierWithPredicates) target.getLastPathArgument())
                .getValue(MountTestModel.qname("name"));
            return ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(output))
                .withChild(ImmutableNodes.leafNode(MountTestModel.qname("status"), answer)).build();
        }
        throw new MountException(ErrorTag.OPERATION_NOT_SUPPORTED, "no such operation " + name);
    }
}
