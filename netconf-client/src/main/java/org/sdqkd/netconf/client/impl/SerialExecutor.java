package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order given, on a shared pool: each session has one, so its messages are handled
 * in order while many sessions share a few threads. Yields the thread after a batch so that one busy session does
 * not starve the others.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private static final int BATCH = 64;

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialExecutor(final Executor pool) {
        this.pool = requireNonNull(pool);
    }

    @Override
    public void execute(final Runnable task) {
        tasks.add(requireNonNull(task));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RuntimeException e) {
                // the pool is shut down: run here rather than lose the task (completions of failed futures)
                scheduled.set(false);
                LOG.debug("worker pool refused a task, running it on the caller's thread", e);
                runAll();
            }
        }
    }

    private void runAll() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runSafely(task);
        }
    }

    private void drain() {
        try {
            Runnable task;
            int count = 0;
            while (count++ < BATCH && (task = tasks.poll()) != null) {
                runSafely(task);
            }
        } finally {
            scheduled.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }

    private static void runSafely(final Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("a session task failed", e);
        }
    }
}
