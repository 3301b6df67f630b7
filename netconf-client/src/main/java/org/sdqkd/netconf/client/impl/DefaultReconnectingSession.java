package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.client.api.ReconnectOptions;
import org.sdqkd.netconf.client.api.ReconnectingSession;
import org.sdqkd.netconf.protocol.api.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReconnectingSession} driven by the client's timer: attempts and waits are scheduled tasks and future
 * callbacks, so a reconnecting session holds no thread while it waits.
 */
final class DefaultReconnectingSession implements ReconnectingSession {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultReconnectingSession.class);

    private final NetconfClient client;
    private final ConnectOptions options;
    private final ReconnectOptions reconnect;
    private final Function<NetconfSession, CompletableFuture<?>> onConnect;
    private final ScheduledExecutorService timer;
    private final Executor events;
    private final List<Consumer<StateChange>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Notification>> notificationListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private final Object lock = new Object();
    private State state = State.NEW;
    private NetconfSession current;
    private int failures;
    private ScheduledFuture<?> retry;
    private CompletableFuture<NetconfSession> next = new CompletableFuture<>();

    DefaultReconnectingSession(final NetconfClient client, final ConnectOptions options,
            final ReconnectOptions reconnect, final Function<NetconfSession, CompletableFuture<?>> onConnect,
            final ScheduledExecutorService timer, final Executor workers) {
        this.client = requireNonNull(client);
        this.options = requireNonNull(options);
        this.reconnect = requireNonNull(reconnect);
        this.onConnect = requireNonNull(onConnect);
        this.timer = requireNonNull(timer);
        this.events = new SerialExecutor(workers);
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (state != State.NEW) {
                return;
            }
        }
        attempt();
    }

    @Override
    public void stop() {
        final NetconfSession session;
        final CompletableFuture<NetconfSession> waiting;
        synchronized (lock) {
            if (state == State.STOPPED) {
                return;
            }
            session = current;
            current = null;
            if (next.isDone()) {
                next = new CompletableFuture<>();
            }
            waiting = next;
            if (retry != null) {
                retry.cancel(false);
            }
            change(State.STOPPED, null, null);
        }
        waiting.completeExceptionally(new NetconfSessionClosedException("the reconnecting session was stopped",
            null));
        if (session != null) {
            session.close();
        }
        stopped.complete(null);
    }

    @Override
    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public Optional<NetconfSession> current() {
        synchronized (lock) {
            return Optional.ofNullable(current);
        }
    }

    @Override
    public CompletableFuture<NetconfSession> connected() {
        synchronized (lock) {
            return next.thenApply(session -> session);
        }
    }

    @Override
    public void addStateListener(final Consumer<StateChange> listener) {
        stateListeners.add(requireNonNull(listener));
    }

    @Override
    public void addNotificationListener(final Consumer<Notification> listener) {
        notificationListeners.add(requireNonNull(listener));
    }

    CompletableFuture<Void> closeFuture() {
        return stopped;
    }

    private void attempt() {
        synchronized (lock) {
            if (state == State.STOPPED) {
                return;
            }
            change(State.CONNECTING, null, null);
        }
        client.connect(options).whenComplete((session, failure) -> {
            if (failure != null) {
                failed(unwrap(failure));
                return;
            }
            session.addNotificationListener(this::forward);
            CompletableFuture<?> hook;
            try {
                hook = requireNonNull(onConnect.apply(session), "on-connect hook returned null");
            } catch (RuntimeException e) {
                hook = CompletableFuture.failedFuture(e);
            }
            hook.whenComplete((ignored, hookFailure) -> {
                if (hookFailure != null) {
                    LOG.info("the on-connect hook failed on {}", session, unwrap(hookFailure));
                    session.close();
                    failed(unwrap(hookFailure));
                } else {
                    connected(session);
                }
            });
        });
    }

    private void connected(final NetconfSession session) {
        synchronized (lock) {
            if (state == State.STOPPED) {
                session.close();
                return;
            }
            current = session;
            failures = 0;
            change(State.CONNECTED, null, session);
            next.complete(session);
        }
        session.addCloseListener(reason -> dropped(session, reason));
    }

    private void dropped(final NetconfSession session, final NetconfSessionClosedException reason) {
        synchronized (lock) {
            if (state == State.STOPPED || current != session) {
                return;
            }
            current = null;
            next = new CompletableFuture<>();
            LOG.info("{} dropped: {}", session, reason.getMessage());
            scheduleRetry(reconnect.delay(1, ThreadLocalRandom.current().nextDouble()), reason);
        }
    }

    private void failed(final Throwable cause) {
        synchronized (lock) {
            if (state == State.STOPPED) {
                return;
            }
            failures++;
            final Duration delay = reconnect.delay(failures, ThreadLocalRandom.current().nextDouble());
            LOG.debug("attempt {} to {}:{} failed, next in {} ms", failures, options.host(), options.port(),
                delay.toMillis(), cause);
            scheduleRetry(delay, cause);
        }
    }

    // with lock held
    private void scheduleRetry(final Duration delay, final Throwable cause) {
        change(State.WAITING, cause, null);
        try {
            retry = timer.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("the client is closed: no further attempt", e);
        }
    }

    // with lock held
    private void change(final State newState, final Throwable cause, final NetconfSession session) {
        state = newState;
        final StateChange event = new StateChange(newState, Optional.ofNullable(session), Optional.ofNullable(cause),
            failures);
        events.execute(() -> stateListeners.forEach(listener -> {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a state listener failed", e);
            }
        }));
    }

    private void forward(final Notification notification) {
        for (Consumer<Notification> listener : notificationListeners) {
            listener.accept(notification);
        }
    }

    private static Throwable unwrap(final Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
