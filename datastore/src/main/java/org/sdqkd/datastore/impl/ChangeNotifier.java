package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.sdqkd.datastore.api.DataChange;
import org.sdqkd.datastore.api.DataChangeListener;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners about commits. The changes of a commit are worked out on the committing thread, while the commit
 * is still serialized, and delivered by one dedicated thread: so listeners hear of commits in commit order, and a
 * listener is never called concurrently with itself. A slow listener delays the others.
 */
final class ChangeNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        final Thread thread = new Thread(task, "sdqkd-datastore-notifier");
        thread.setDaemon(true);
        return thread;
    });

    /** Registers a listener to a subtree of a datastore. */
    Registration register(final DatastoreName datastore, final YangInstanceIdentifier subtree,
            final DataChangeListener listener) {
        final Subscription subscription = new Subscription(requireNonNull(datastore), requireNonNull(subtree),
            requireNonNull(listener));
        subscriptions.add(subscription);
        return subscription;
    }

    /** Queues the notifications of a commit; called in commit order. */
    void publish(final DatastoreName datastore, final DataTreeCandidate candidate, final SessionId session) {
        final List<Runnable> deliveries = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            if (subscription.datastore == datastore) {
                changeAt(candidate.getRootNode(), subscription.subtree)
                    .map(change -> new DataChange(datastore, subscription.subtree, change.before, change.after,
                        session))
                    .ifPresent(change -> deliveries.add(() -> subscription.deliver(change)));
            }
        }
        if (!deliveries.isEmpty()) {
            executor.execute(() -> deliveries.forEach(Runnable::run));
        }
    }

    /** Delivers what is queued, then stops the notification thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Listeners still busy after 10 s; stopping notifications");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Delta> changeAt(final DataTreeCandidateNode root, final YangInstanceIdentifier subtree) {
        DataTreeCandidateNode node = root;
        for (PathArgument step : subtree.getPathArguments()) {
            if (node.modificationType() == ModificationType.UNMODIFIED || !hasChildren(node)) {
                return Optional.empty();
            }
            node = node.modifiedChild(step);
            if (node == null) {
                return Optional.empty();
            }
        }
        final Optional<NormalizedNode> before = Optional.ofNullable(node.dataBefore());
        final Optional<NormalizedNode> after = Optional.ofNullable(node.dataAfter());
        if (ChangedPaths.unchanged(node)) {
            return Optional.empty();
        }
        return Optional.of(new Delta(before, after));
    }

    private static boolean hasChildren(final DataTreeCandidateNode node) {
        final NormalizedNode data = node.dataAfter() != null ? node.dataAfter() : node.dataBefore();
        return data instanceof DistinctNodeContainer<?, ?>;
    }

    private record Delta(Optional<NormalizedNode> before, Optional<NormalizedNode> after) {
    }

    private final class Subscription implements Registration {
        private final DatastoreName datastore;
        private final YangInstanceIdentifier subtree;
        private final DataChangeListener listener;
        private volatile boolean closed;

        Subscription(final DatastoreName datastore, final YangInstanceIdentifier subtree,
                final DataChangeListener listener) {
            this.datastore = datastore;
            this.subtree = subtree;
            this.listener = listener;
        }

        void deliver(final DataChange change) {
            if (closed) {
                return;
            }
            try {
                listener.onDataChanged(change);
            } catch (RuntimeException e) {
                // a faulty listener must not stop the notifications of the others
                LOG.warn("Listener {} on {} failed", listener, subtree, e);
            }
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
        }
    }
}
