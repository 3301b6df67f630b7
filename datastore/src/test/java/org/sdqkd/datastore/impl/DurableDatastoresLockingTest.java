package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.LockDeniedException;
import org.sdqkd.datastore.api.OperationFailedException;
import org.sdqkd.datastore.api.SessionId;

class DurableDatastoresLockingTest extends OpenDatastores {
    private static final SessionId ALICE = new SessionId(1, "alice");
    private static final SessionId BOB = new SessionId(2, "bob");
    private static final int SESSIONS = 8;

    @Test
    void oneOfManyConcurrentSessionsGetsTheLockAndTheOthersLearnWhoHoldsIt() throws Exception {
        final CyclicBarrier start = new CyclicBarrier(SESSIONS);
        final ExecutorService threads = Executors.newFixedThreadPool(SESSIONS);
        final List<Future<Optional<LockDeniedException>>> attempts = new ArrayList<>();
        for (int i = 1; i <= SESSIONS; i++) {
            final SessionId session = new SessionId(i, "user" + i);
            attempts.add(threads.submit(() -> {
                start.await();
                try {
                    datastores.lock(DatastoreName.CANDIDATE, session);
                    return Optional.empty();
                } catch (LockDeniedException e) {
                    return Optional.of(e);
                }
            }));
        }
        final List<LockDeniedException> denials = new ArrayList<>();
        final List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            final Optional<LockDeniedException> outcome = attempts.get(i).get();
            outcome.ifPresent(denials::add);
            if (outcome.isEmpty()) {
                winners.add(i + 1);
            }
        }
        threads.shutdown();

        assertEquals(1, winners.size(), "exactly one session holds the lock");
        final SessionId holder = new SessionId(winners.get(0), "user" + winners.get(0));
        assertEquals(SESSIONS - 1, denials.size());
        for (LockDeniedException denial : denials) {
            assertEquals(holder, denial.holder());
            assertEquals(ErrorTag.LOCK_DENIED, denial.errors().get(0).tag());
            assertEquals(ErrorType.PROTOCOL, denial.errors().get(0).type());
        }

        final SessionId other = new SessionId(holder.id() % SESSIONS + 1, "user" + (holder.id() % SESSIONS + 1));
        final LockDeniedException inUse = assertThrows(LockDeniedException.class, () -> editCandidate(other));
        assertEquals(ErrorTag.IN_USE, inUse.errors().get(0).tag());
        assertEquals(holder, inUse.holder());
        assertThrows(LockDeniedException.class, () -> datastores.discardChanges(other));
        assertThrows(LockDeniedException.class, () -> datastores.commit(other));

        datastores.releaseSession(holder);
        datastores.lock(DatastoreName.CANDIDATE, other);
        editCandidate(other);
    }

    @Test
    void candidateCannotBeLockedWhileAnotherSessionHasUncommittedChanges() throws DatastoreException {
        editCandidate(ALICE);

        final LockDeniedException denial = assertThrows(LockDeniedException.class,
            () -> datastores.lock(DatastoreName.CANDIDATE, BOB));
        assertEquals(ALICE, denial.holder());
        datastores.lock(DatastoreName.RUNNING, BOB);

        datastores.lock(DatastoreName.CANDIDATE, ALICE);
        datastores.unlock(DatastoreName.CANDIDATE, ALICE);
        assertThrows(LockDeniedException.class, () -> datastores.lock(DatastoreName.CANDIDATE, BOB),
            "an unlock keeps the changes");

        datastores.discardChanges(BOB);
        datastores.lock(DatastoreName.CANDIDATE, BOB);
    }

    @Test
    void candidateChangedBackToRunningHasNoUncommittedChanges() throws DatastoreException {
        editCandidate(ALICE);

        datastores.copy(DatastoreName.RUNNING, DatastoreName.CANDIDATE, ALICE);

        datastores.lock(DatastoreName.CANDIDATE, BOB);
    }

    @Test
    void endOfTheCandidateLockHoldersSessionDiscardsItsChanges() throws DatastoreException {
        datastores.lock(DatastoreName.CANDIDATE, ALICE);
        editCandidate(ALICE);

        datastores.releaseSession(ALICE);

        assertEquals(datastores.snapshot(DatastoreName.RUNNING).root(),
            datastores.snapshot(DatastoreName.CANDIDATE).root());
        datastores.lock(DatastoreName.CANDIDATE, BOB);
    }

    @Test
    void lockedRunningRefusesChangesByOtherSessions() throws DatastoreException {
        datastores.lock(DatastoreName.RUNNING, ALICE);
        editCandidate(BOB);

        assertEquals(ALICE, assertThrows(LockDeniedException.class, () -> datastores.commit(BOB)).holder());
        assertThrows(LockDeniedException.class,
            () -> datastores.copy(DatastoreName.CANDIDATE, DatastoreName.RUNNING, BOB));
        assertThrows(LockDeniedException.class,
            () -> datastores.rollback(datastores.checkpoint(), BOB));
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, BOB)) {
            tx.write(TestData.SSH_QKD_PATH, TestData.topLevel(TestData.sshQkd(4096)));
            assertThrows(LockDeniedException.class, tx::commit);
        }

        datastores.commit(ALICE);
        assertEquals(datastores.snapshot(DatastoreName.CANDIDATE).root(),
            datastores.snapshot(DatastoreName.RUNNING).root());
    }

    @Test
    void lockIsNotReentrantAndOnlyItsHolderUnlocks() throws DatastoreException {
        datastores.lock(DatastoreName.STARTUP, ALICE);

        assertEquals(ALICE, assertThrows(LockDeniedException.class,
            () -> datastores.lock(DatastoreName.STARTUP, ALICE)).holder());
        assertEquals(ErrorTag.OPERATION_FAILED, assertThrows(OperationFailedException.class,
            () -> datastores.unlock(DatastoreName.STARTUP, BOB)).errors().get(0).tag());
        datastores.unlock(DatastoreName.STARTUP, ALICE);
        datastores.lock(DatastoreName.STARTUP, BOB);
    }

    @Test
    void operationalDatastoreHasNoLock() {
        assertEquals(ErrorTag.OPERATION_NOT_SUPPORTED, assertThrows(OperationFailedException.class,
            () -> datastores.lock(DatastoreName.OPERATIONAL, ALICE)).errors().get(0).tag());
    }

    private void editCandidate(final SessionId session) throws DatastoreException {
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.CANDIDATE, session)) {
            tx.write(TestData.SSH_QKD_PATH, TestData.topLevel(TestData.sshQkd(2048 + session.id())));
            tx.commit();
        }
    }
}
