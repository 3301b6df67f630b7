package org.sdqkd.netconf.client.api;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sdqkd.netconf.protocol.api.Notification;

/**
 * A NETCONF session that is opened again, with exponential backoff, whenever it drops or an attempt fails, until
 * {@link #stop()}. Each new session runs the on-connect hook (such as {@code create-subscription}) before it is
 * reported {@link State#CONNECTED}. Notification listeners added here move to every new session. Thread-safe.
 */
public interface ReconnectingSession extends AutoCloseable {

    /** The states of a reconnecting session. */
    enum State {
        /** Not started yet. */
        NEW,
        /** An attempt is under way. */
        CONNECTING,
        /** A session is open and its hook has succeeded. */
        CONNECTED,
        /** Waiting before the next attempt, after a failure or a drop. */
        WAITING,
        /** Stopped for good. */
        STOPPED
    }

    /**
     * A change of state.
     *
     * @param state the new state
     * @param session the open session, present when connected
     * @param cause why the last attempt failed or the session dropped, when there is a reason
     * @param failures failed attempts in a row so far
     */
    record StateChange(State state, Optional<NetconfSession> session, Optional<Throwable> cause, int failures) {
    }

    /** Starts the first attempt. Does nothing the second time. */
    void start();

    /**
     * Stops reconnecting and closes the current session. Does nothing the second time.
     */
    void stop();

    /**
     * The current state.
     *
     * @return the state
     */
    State state();

    /**
     * The session, if one is connected now.
     *
     * @return the connected session
     */
    Optional<NetconfSession> current();

    /**
     * The next connected session: the current one if connected, else the next to connect.
     *
     * @return completes with a connected session; fails with {@link NetconfSessionClosedException} if stopped first
     */
    CompletableFuture<NetconfSession> connected();

    /**
     * Adds a listener of state changes, called one at a time in order on a worker thread.
     *
     * @param listener the listener
     */
    void addStateListener(Consumer<StateChange> listener);

    /**
     * Adds a notification listener to the current and every later session.
     *
     * @param listener the listener
     */
    void addNotificationListener(Consumer<Notification> listener);

    /** Stops, as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
