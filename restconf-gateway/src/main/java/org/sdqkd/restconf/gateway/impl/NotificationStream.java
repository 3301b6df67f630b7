package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.restconf.gateway.StreamLimits;
import org.sdqkd.restconf.gateway.spi.NotificationSink;

/**
 * The gateway's {@code NETCONF} event stream (RFC 8040 section 6.2, RFC 5277 section 3.2.3): every notification
 * published goes into a bounded replay buffer and to every subscriber, in the order published. A subscriber that
 * asks for a start time gets the buffered events from then on first, and then the live ones, with none lost or
 * repeated in between. Publishing never waits for a subscriber.
 */
final class NotificationStream implements NotificationSink, AutoCloseable {
    /** The stream's name (RFC 8040 section 6.2: a server that supports notifications has this one). */
    static final String NAME = "NETCONF";

    /** What a subscriber is given: the events one at a time, and the end of the stream. */
    interface Subscriber {
        /**
         * Takes an event; false when the subscriber has no room left, and it is then removed.
         *
         * @param event the event
         * @return whether it was taken
         */
        boolean offer(StreamEvent event);

        /** The stream is closed: no more events come. */
        void end();
    }

    private final EffectiveModelContext models;
    private final StreamLimits limits;
    private final Instant created;
    private final ArrayDeque<StreamEvent> replay;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private boolean closed;

    /**
     * A stream for some models.
     *
     * @param models the served models; notifications of other modules are refused
     * @param limits the subscriber and replay limits
     * @param clock  the clock of the replay log's creation time
     */
    NotificationStream(final EffectiveModelContext models, final StreamLimits limits, final Clock clock) {
        this.models = requireNonNull(models);
        this.limits = requireNonNull(limits);
        this.created = clock.instant();
        this.replay = new ArrayDeque<>(Math.min(limits.replaySize(), 1024));
    }

    /** Whether the stream keeps events for replay. */
    boolean replaySupported() {
        return limits.replaySize() > 0;
    }

    /** When the replay log was created: when the stream was. */
    Instant replayLogCreationTime() {
        return created;
    }

    @Override
    public void publish(final ContainerNode notification, final Instant eventTime) {
        requireNonNull(eventTime);
        final var name = notification.name().getNodeType();
        if (models.findNotification(name).isEmpty()) {
            throw new IllegalArgumentException(name + " is not a top-level notification of the served models");
        }
        publish(new StreamEvent(eventTime, notification));
    }

    /** The schema path of a published notification. */
    static Absolute pathOf(final StreamEvent event) {
        return Absolute.of(event.body().name().getNodeType());
    }

    private synchronized void publish(final StreamEvent event) {
        if (closed) {
            return;
        }
        if (limits.replaySize() > 0) {
            if (replay.size() == limits.replaySize()) {
                replay.removeFirst();
            }
            replay.addLast(event);
        }
        subscribers.removeIf(subscriber -> !subscriber.offer(event));
    }

    /**
     * Subscribes: the buffered events at or after the start time, if one is given, are returned to be sent first;
     * the subscriber is offered every event published after this call.
     *
     * @param subscriber the subscriber
     * @param start      the start time (RFC 8040 section 4.8.7), if any
     * @return the events to replay, oldest first
     * @throws RestconfException 503 when the stream has as many subscribers as allowed, or is closed
     */
    synchronized List<StreamEvent> subscribe(final Subscriber subscriber, final Optional<Instant> start)
            throws RestconfException {
        if (closed || subscribers.size() >= limits.maxSubscribers()) {
            throw new RestconfException(503, RestconfError.of(ErrorTag.RESOURCE_DENIED, closed
                ? "the event stream is closed" : "the event stream has its maximum of " + limits.maxSubscribers()
                + " subscribers; try again later"));
        }
        final List<StreamEvent> replayed = new ArrayList<>();
        start.ifPresent(from -> replay.stream().filter(e -> !e.time().isBefore(from)).forEach(replayed::add));
        subscribers.add(subscriber);
        return replayed;
    }

    /** Ends a subscription; nothing more is offered to it. */
    void unsubscribe(final Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** The number of subscriptions open. */
    int subscriberCount() {
        return subscribers.size();
    }

    /** Closes the stream: every subscription ends. */
    @Override
    public void close() {
        final List<Subscriber> ended;
        synchronized (this) {
            closed = true;
            ended = List.copyOf(subscribers);
            subscribers.clear();
        }
        ended.forEach(Subscriber::end);
    }
}
