package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DataChange;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.TransactionConflictException;

/** Listeners, through the datastores that drive the notifier. */
class ChangeNotifierTest extends OpenDatastores {
    private static final SessionId ALICE = new SessionId(1, "alice");
    private static final int THREADS = 4;
    private static final int COMMITS_PER_THREAD = 10;

    @Test
    void listenerSeesEveryCommitOfItsSubtreeInCommitOrderAndNeverConcurrently() throws Exception {
        final List<DataChange> changes = new CopyOnWriteArrayList<>();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        datastores.listen(DatastoreName.RUNNING, TestData.SSH_QKD_PATH, change -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            changes.add(change);
            inside.decrementAndGet();
        });
        final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        final List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final long base = 10_000 * (t + 1);
            work.add(threads.submit(() -> {
                for (int i = 0; i < COMMITS_PER_THREAD; i++) {
                    writeSshQkdRetrying(base + i);
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        threads.shutdown();
        datastores.close();

        assertEquals(THREADS * COMMITS_PER_THREAD, changes.size());
        assertEquals(0, overlaps.get());
        assertEquals(Optional.empty(), changes.get(0).before());
        for (int i = 1; i < changes.size(); i++) {
            assertEquals(changes.get(i - 1).after(), changes.get(i).before(), "change " + i + " follows the last");
        }
        assertEquals(datastores.snapshot(DatastoreName.RUNNING).read(TestData.SSH_QKD_PATH),
            changes.get(changes.size() - 1).after());
        assertTrue(changes.stream()
            .allMatch(c -> c.changedBy().equals(ALICE) && c.path().equals(TestData.SSH_QKD_PATH)));
    }

    @Test
    void listenerIsNotCalledForCommitsElsewhere() throws Exception {
        final BlockingQueue<DataChange> changes = new LinkedBlockingQueue<>();
        datastores.listen(DatastoreName.RUNNING, TestData.POT_PATH, changes::add);

        writeSshQkd(DatastoreName.RUNNING, 4096);
        writeSshQkd(DatastoreName.CANDIDATE, 8192);
        writePot(DatastoreName.RUNNING, 7);
        writeSshQkd(DatastoreName.RUNNING, 2048);
        writePot(DatastoreName.RUNNING, 8);

        final DataChange first = changes.poll(10, TimeUnit.SECONDS);
        final DataChange second = changes.poll(10, TimeUnit.SECONDS);
        assertNotNull(first);
        assertNotNull(second);
        assertEquals(Optional.empty(), first.before());
        assertEquals(Optional.of(TestData.topLevel(TestData.potProfiles(7))), first.after());
        assertEquals(first.after(), second.before());
        assertEquals(Optional.of(TestData.topLevel(TestData.potProfiles(8))), second.after());
        datastores.close();
        assertNull(changes.poll(), "only commits that touched pot-profiles were reported");
    }

    @Test
    void listenerHearsDeletionsAndCandidateCommitsAndStopsWhenClosed() throws Exception {
        final BlockingQueue<DataChange> running = new LinkedBlockingQueue<>();
        final BlockingQueue<DataChange> candidate = new LinkedBlockingQueue<>();
        final Registration registration = datastores.listen(DatastoreName.RUNNING, YangInstanceIdentifier.of(),
            running::add);
        datastores.listen(DatastoreName.CANDIDATE, TestData.SSH_QKD_PATH, candidate::add);

        writeSshQkd(DatastoreName.CANDIDATE, 4096);
        datastores.commit(ALICE);
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, ALICE)) {
            tx.delete(TestData.SSH_QKD_PATH);
            tx.commit();
        }
        final DataChange committed = running.poll(10, TimeUnit.SECONDS);
        final DataChange deleted = running.poll(10, TimeUnit.SECONDS);
        assertNotNull(committed);
        assertNotNull(deleted);
        assertEquals(Optional.of(TestData.topLevel(TestData.sshQkd(4096))),
            candidate.poll(10, TimeUnit.SECONDS).after());
        assertTrue(deleted.after().map(root -> ((ContainerNode) root).isEmpty()).orElseThrow(),
            "the root is empty after the deletion");
        assertEquals(Optional.empty(), candidate.poll(10, TimeUnit.SECONDS).after(),
            "the unmodified candidate follows running's deletion");

        registration.close();
        writeSshQkd(DatastoreName.RUNNING, 2048);
        datastores.close();
        assertNull(running.poll());
    }

    private void writeSshQkd(final DatastoreName target, final long maxBytes) throws DatastoreException {
        try (DataTransaction tx = datastores.newTransaction(target, ALICE)) {
            tx.write(TestData.SSH_QKD_PATH, TestData.topLevel(TestData.sshQkd(maxBytes)));
            tx.commit();
        }
    }

    private void writeSshQkdRetrying(final long maxBytes) throws DatastoreException {
        while (true) {
            try {
                writeSshQkd(DatastoreName.RUNNING, maxBytes);
                return;
            } catch (TransactionConflictException e) {
                // another thread committed ssh-qkd since this transaction began: redo it
            }
        }
    }

    private void writePot(final DatastoreName target, final long secretShare) throws DatastoreException {
        try (DataTransaction tx = datastores.newTransaction(target, ALICE)) {
            tx.write(TestData.POT_PATH, TestData.topLevel(TestData.potProfiles(secretShare)));
            tx.commit();
        }
    }
}
