package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.Checkpoint;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.LockDeniedException;
import org.sdqkd.datastore.api.SessionId;

/**
 * Sessions that lock the candidate, edit it, commit or discard, and unlock, all at once, as NETCONF
 * clients do; then a rollback to a checkpoint taken before them all.
 */
class DurableDatastoresConcurrencyTest {
    private static final int SESSIONS = 8;
    private static final int ROUNDS = 15;

    @TempDir
    Path directory;

    @Test
    void sessionsCommitDiscardAndRollBackConcurrently() throws Exception {
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
                tx.write(TestData.SSH_QKD_PATH, TestData.topLevel(TestData.sshQkd(1024)));
                tx.commit();
            }
            final Checkpoint before = datastores.checkpoint();
            final List<Long> committed = Collections.synchronizedList(new ArrayList<>());
            final List<Long> discarded = Collections.synchronizedList(new ArrayList<>());
            final ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
            final List<Future<Integer>> denials = new ArrayList<>();
            for (int s = 1; s <= SESSIONS; s++) {
                final SessionId session = new SessionId(s, "user" + s);
                denials.add(pool.submit(() -> runSession(datastores, session, committed, discarded)));
            }
            int denied = 0;
            for (Future<Integer> result : denials) {
                denied += result.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertEquals(SESSIONS * ROUNDS, committed.size() + discarded.size());
            assertTrue(denied > 0, "the sessions never contended for the lock");
            final long last = committed.getLast();
            assertEquals(last, maxBytes(datastores.snapshot(DatastoreName.RUNNING).root()),
                "running holds the last commit");
            assertEquals(datastores.snapshot(DatastoreName.RUNNING).root(),
                datastores.snapshot(DatastoreName.CANDIDATE).root(), "nothing left uncommitted in candidate");

            datastores.rollback(before, new SessionId(99, "admin"));
            assertEquals(before.running(), datastores.snapshot(DatastoreName.RUNNING).root());
            assertEquals(before.running(), datastores.snapshot(DatastoreName.CANDIDATE).root());
        }
        try (Datastores reopened = Datastores.open(directory, TestData.CONTEXT)) {
            assertEquals(1024, maxBytes(reopened.snapshot(DatastoreName.RUNNING).root()), "the rollback is durable");
        }
    }

    /** One session's rounds; returns how often its lock was denied. */
    private static int runSession(final Datastores datastores, final SessionId session, final List<Long> committed,
            final List<Long> discarded) throws Exception {
        int denied = 0;
        for (int round = 0; round < ROUNDS; round++) {
            while (true) {
                try {
                    datastores.lock(DatastoreName.CANDIDATE, session);
                    break;
                } catch (LockDeniedException e) {
                    denied++;
                    Thread.sleep(1);
                }
            }
            final long value = 10_000 + session.id() * 1_000 + round;
            try (DataTransaction tx = datastores.newTransaction(DatastoreName.CANDIDATE, session)) {
                tx.write(TestData.SSH_QKD_PATH, TestData.topLevel(TestData.sshQkd(value)));
                tx.commit();
            }
            assertEquals(value, maxBytes(datastores.snapshot(DatastoreName.CANDIDATE).root()));
            if (round % 3 == 0) {
                datastores.discardChanges(session);
                discarded.add(value);
            } else {
                datastores.commit(session);
                committed.add(value);
            }
            datastores.unlock(DatastoreName.CANDIDATE, session);
        }
        return denied;
    }

    private static long maxBytes(final ContainerNode root) {
        final ContainerNode ssh = (ContainerNode) TestData.child(root, TestData.SSH_QKD_PATH);
        final ContainerNode rekey = (ContainerNode) ssh.body().stream()
            .filter(c -> c.name().getNodeType().getLocalName().equals("rekey")).findFirst().orElseThrow();
        return ((Number) rekey.body().iterator().next().body()).longValue();
    }
}
