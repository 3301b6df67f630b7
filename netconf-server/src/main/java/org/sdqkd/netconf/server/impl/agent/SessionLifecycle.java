package org.sdqkd.netconf.server.impl.agent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where one session is in its life: started (hellos exchanged), running an operation, ended. An operation and the
 * release of what the session held never overlap: the release waits for a running operation, and no operation
 * starts once the session has ended.
 */
final class SessionLifecycle {
    /** Guards started, dispatching, ended and pendingRelease. */
    private final Object lock = new Object();
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private boolean started;
    private boolean dispatching;
    private boolean ended;
    private Runnable pendingRelease;

    /** Marks the hellos exchanged; false if the session has ended already. */
    boolean markStarted() {
        synchronized (lock) {
            if (!ended) {
                started = true;
            }
            return started;
        }
    }

    /** Whether the hellos were exchanged (the session is listed in netconf-state and may be killed). */
    boolean started() {
        synchronized (lock) {
            return started;
        }
    }

    /** Whether the session has ended for the agent. */
    boolean ended() {
        synchronized (lock) {
            return ended;
        }
    }

    /**
     * Ends the session for the agent: no operation starts after this, and {@code release} runs once, now or, if an
     * operation is running, right after it on the session's thread. Only the first call has an effect.
     */
    void end(final Runnable release) {
        synchronized (lock) {
            if (ended) {
                return;
            }
            ended = true;
            if (dispatching) {
                pendingRelease = release;
                return;
            }
        }
        runRelease(release);
    }

    /** Waits until the release has run, or until {@code waiter} has ended itself, at most 30 seconds. */
    void awaitReleased(final SessionLifecycle waiter) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!released.isDone() && !waiter.ended() && System.nanoTime() < deadline) {
            try {
                released.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look again whether the waiter was ended meanwhile
            } catch (ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** An operation starts; false if the session has ended, and then it must not run. */
    boolean beginDispatch() {
        synchronized (lock) {
            if (ended) {
                return false;
            }
            dispatching = true;
            return true;
        }
    }

    /** The operation is done; a release that waited for it runs now. */
    void endDispatch() {
        final Runnable release;
        synchronized (lock) {
            dispatching = false;
            release = pendingRelease;
            pendingRelease = null;
        }
        if (release != null) {
            runRelease(release);
        }
    }

    private void runRelease(final Runnable release) {
        try {
            release.run();
        } finally {
            released.complete(null);
        }
    }
}
