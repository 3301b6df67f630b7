package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.sdqkd.datastore.api.Checkpoint;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.OperationFailedException;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.TransactionConflictException;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.api.ValidationFailedException;
import org.sdqkd.yang.ModelFiles;

class DurableDatastoresTest extends OpenDatastores {
    private static final SessionId ALICE = new SessionId(1, "alice");

    @Test
    void commitMovesCandidateIntoRunning() throws DatastoreException {
        final ContainerNode content = TestData.root(TestData.sshQkd(4096) + TestData.potProfiles(5));
        writeRoot(DatastoreName.CANDIDATE, content);
        assertTrue(root(DatastoreName.RUNNING).body().isEmpty(), "running is untouched before the commit");

        datastores.commit(ALICE);

        assertEquals(content, root(DatastoreName.RUNNING));
        assertEquals(content, root(DatastoreName.CANDIDATE));
    }

    @Test
    void discardChangesResetsCandidateToRunning() throws DatastoreException {
        writeRoot(DatastoreName.RUNNING, TestData.root(TestData.sshQkd(4096)));
        writeRoot(DatastoreName.CANDIDATE, TestData.root(TestData.sshQkd(8192) + TestData.potProfiles(5)));
        assertNotEquals(root(DatastoreName.RUNNING), root(DatastoreName.CANDIDATE));

        datastores.discardChanges(ALICE);

        assertEquals(root(DatastoreName.RUNNING), root(DatastoreName.CANDIDATE));
    }

    @Test
    void invalidCandidateLeavesRunningUnchangedAndReportsEveryError() throws DatastoreException {
        writeRoot(DatastoreName.CANDIDATE, TestData.root(TestData.sshQkd(4096)));
        datastores.commit(ALICE);
        final ContainerNode before = root(DatastoreName.RUNNING);
        final String incomplete = TestData.potProfiles(5)
            .replace("<public-polynomial>2345678</public-polynomial>", "")
            .replace("<lpc>9876543</lpc>", "")
            .replace("<lpc>3456789</lpc>", "");
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.CANDIDATE, ALICE)) {
            tx.write(TestData.POT_PATH, TestData.topLevel(incomplete));
            assertEquals(3, tx.validate().errors().size(), "validate() reports what commit would");
            tx.commit();
        }

        final ValidationFailedException failure = assertThrows(ValidationFailedException.class,
            () -> datastores.commit(ALICE));

        final List<String> paths = failure.errors().stream().map(ValidationError::path).sorted().toList();
        assertEquals(3, paths.size(), () -> "errors: " + failure.errors());
        assertTrue(paths.stream().allMatch(p -> p.startsWith("/ietf-pot-profile:pot-profiles/pot-profile-set")),
            () -> "paths: " + paths);
        assertTrue(failure.errors().stream().allMatch(e -> e.tag().equals(ErrorTag.DATA_MISSING)));
        assertEquals(before, root(DatastoreName.RUNNING));
        assertNotEquals(before, root(DatastoreName.CANDIDATE), "the candidate keeps its changes");
    }

    @Test
    void writeThatBreaksTheStructureIsRefusedWithItsPath() {
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, ALICE)) {
            final ValidationFailedException failure = assertThrows(ValidationFailedException.class,
                () -> tx.write(TestData.SSH_QKD_PATH, TestData.topLevel(TestData.potProfiles(1))));
            assertEquals(1, failure.errors().size());
        }
    }

    @Test
    void transactionOnRunningIsValidatedBeforeCommit() {
        final String missingLpc = TestData.potProfiles(5).replace("<lpc>3456789</lpc>", "");
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, ALICE)) {
            tx.write(TestData.POT_PATH, TestData.topLevel(missingLpc));
            final ValidationFailedException failure = assertThrows(ValidationFailedException.class, tx::commit);
            assertEquals(1, failure.errors().size());
        } catch (ValidationFailedException e) {
            throw new AssertionError(e);
        }
        assertTrue(root(DatastoreName.RUNNING).body().isEmpty());
    }

    @Test
    void unmodifiedCandidateFollowsRunning() throws DatastoreException {
        final ContainerNode content = TestData.root(TestData.sshQkd(4096));
        writeRoot(DatastoreName.RUNNING, content);
        assertEquals(content, root(DatastoreName.CANDIDATE));
    }

    @Test
    void checkpointRollbackRestoresRunningExactly() throws DatastoreException {
        writeRoot(DatastoreName.RUNNING, TestData.root(TestData.sshQkd(4096) + TestData.potProfiles(5)));
        final Checkpoint checkpoint = datastores.checkpoint();
        final byte[] storedAtCheckpoint = TestData.serialize(root(DatastoreName.RUNNING));

        writeRoot(DatastoreName.RUNNING, TestData.root(TestData.sshQkd(8192)));
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, ALICE)) {
            tx.delete(TestData.SSH_QKD_PATH.node(QName.create(TestData.SSH_QKD, "peer")));
            tx.commit();
        }
        assertNotEquals(checkpoint.running(), root(DatastoreName.RUNNING));

        datastores.rollback(checkpoint, ALICE);

        assertEquals(checkpoint.running(), root(DatastoreName.RUNNING));
        assertEquals(checkpoint.running(), root(DatastoreName.CANDIDATE));
        datastores.close();
        datastores = Datastores.open(directory, TestData.CONTEXT);
        assertEquals(checkpoint.running(), root(DatastoreName.RUNNING), "the rollback is durable");
        assertEquals(new String(storedAtCheckpoint), new String(TestData.serialize(root(DatastoreName.RUNNING))));
    }

    @Test
    void sealedStateSurvivesReopeningAndIsNotStoredInClear() throws Exception {
        final byte[] state = "persist-id: token-42".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        datastores.storeSealed("confirmed-commit", state);
        datastores.close();
        datastores = Datastores.open(directory, TestData.CONTEXT);

        assertEquals("persist-id: token-42", new String(datastores.loadSealed("confirmed-commit").orElseThrow(),
            java.nio.charset.StandardCharsets.UTF_8));
        final byte[] file = Files.readAllBytes(directory.resolve("confirmed-commit.sealed"));
        assertFalse(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("token-42"));

        datastores.deleteSealed("confirmed-commit");
        assertEquals(Optional.empty(), datastores.loadSealed("confirmed-commit"));
        assertThrows(IllegalArgumentException.class, () -> datastores.storeSealed("../escape", state));
    }

    @Test
    void copyAndDeleteConfigOnStartup() throws DatastoreException {
        final ContainerNode content = TestData.root(TestData.sshQkd(4096));
        writeRoot(DatastoreName.RUNNING, content);

        datastores.copy(DatastoreName.RUNNING, DatastoreName.STARTUP, ALICE);
        assertEquals(content, root(DatastoreName.STARTUP));

        datastores.delete(DatastoreName.STARTUP, ALICE);
        assertTrue(root(DatastoreName.STARTUP).body().isEmpty());
        assertEquals(content, root(DatastoreName.RUNNING));
    }

    @Test
    void deleteConfigRefusesRunningAndCopyRefusesOperational() {
        final OperationFailedException delete = assertThrows(OperationFailedException.class,
            () -> datastores.delete(DatastoreName.RUNNING, ALICE));
        assertEquals(ErrorTag.OPERATION_NOT_SUPPORTED, delete.errors().get(0).tag());
        assertThrows(OperationFailedException.class,
            () -> datastores.copy(DatastoreName.RUNNING, DatastoreName.OPERATIONAL, ALICE));
    }

    @Test
    void operationalDatastoreTakesStateDataWithoutConfigurationConstraints() throws DatastoreException, IOException {
        // state data, and a node without its mandatory name
        final String network = Files.readString(ModelFiles.examplesDir().resolve("valid/network.xml"))
            .replace("<name>Almagro</name>", "");
        final ContainerNode content = TestData.root(network);

        writeRoot(DatastoreName.OPERATIONAL, content);

        assertEquals(content, root(DatastoreName.OPERATIONAL));
        assertThrows(ValidationFailedException.class, () -> writeRoot(DatastoreName.RUNNING, content),
            "a configuration datastore refuses state data");
    }

    @Test
    void concurrentTransactionsConflictOnlyWhenTheyTouchTheSameNode() throws DatastoreException {
        writeRoot(DatastoreName.RUNNING, TestData.root(TestData.sshQkd(4096)));
        final YangInstanceIdentifier maxBytes = TestData.SSH_QKD_PATH
            .node(QName.create(TestData.SSH_QKD, "rekey")).node(QName.create(TestData.SSH_QKD, "max-bytes"));
        final DataTransaction first = datastores.newTransaction(DatastoreName.RUNNING, ALICE);
        final DataTransaction second = datastores.newTransaction(DatastoreName.RUNNING, ALICE);
        final DataTransaction third = datastores.newTransaction(DatastoreName.RUNNING, ALICE);
        first.write(maxBytes, ImmutableNodes.leafNode(QName.create(TestData.SSH_QKD, "max-bytes"),
            Uint64.valueOf(2048)));
        second.write(maxBytes, ImmutableNodes.leafNode(QName.create(TestData.SSH_QKD, "max-bytes"),
            Uint64.valueOf(3072)));
        third.write(TestData.POT_PATH, TestData.topLevel(TestData.potProfiles(5)));

        first.commit();
        assertEquals(ErrorTag.IN_USE,
            assertThrows(TransactionConflictException.class, second::commit).errors().get(0).tag());
        third.commit();

        assertEquals(Optional.of(Uint64.valueOf(2048)),
            datastores.snapshot(DatastoreName.RUNNING).read(maxBytes).map(n -> n.body()));
        assertTrue(datastores.snapshot(DatastoreName.RUNNING).read(TestData.POT_PATH).isPresent());
        assertFalse(datastores.snapshot(DatastoreName.STARTUP).read(TestData.POT_PATH).isPresent());
    }

    private void writeRoot(final DatastoreName target, final ContainerNode content) throws DatastoreException {
        try (DataTransaction tx = datastores.newTransaction(target, ALICE)) {
            tx.write(YangInstanceIdentifier.of(), content);
            tx.commit();
        }
    }

    private ContainerNode root(final DatastoreName name) {
        return datastores.snapshot(name).root();
    }
}
