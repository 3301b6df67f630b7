package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdqkd.restconf.gateway.StreamLimits;

/** The stream itself: a bounded replay buffer, subscribers removed when full, the subscriber limit, close. */
final class NotificationStreamTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    /** A subscriber with room for a number of events. */
    private static final class Recorder implements NotificationStream.Subscriber {
        final List<StreamEvent> events = new ArrayList<>();
        final int room;
        boolean ended;

        Recorder(final int room) {
            this.room = room;
        }

        @Override
        public boolean offer(final StreamEvent event) {
            if (events.size() == room) {
                return false;
            }
            events.add(event);
            return true;
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    private static NotificationStream stream(final int maxSubscribers, final int replay) {
        return new NotificationStream(TestModels.CONTEXT, new StreamLimits(maxSubscribers, 8, replay,
            Duration.ofSeconds(15)), Clock.fixed(T0, java.time.ZoneOffset.UTC));
    }

    @Test
    void theReplayBufferKeepsTheNewestEvents() throws RestconfException {
        final NotificationStream stream = stream(4, 3);
        for (int i = 1; i <= 5; i++) {
            stream.publish(StreamQueryTest.interfaceDown(i), T0.plusSeconds(i));
        }
        final List<StreamEvent> replayed = stream.subscribe(new Recorder(10), Optional.of(T0));
        assertEquals(List.of(T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(5)),
            replayed.stream().map(StreamEvent::time).toList());
        assertEquals(List.of(T0.plusSeconds(5)), stream.subscribe(new Recorder(10), Optional.of(T0.plusSeconds(5)))
            .stream().map(StreamEvent::time).toList());
        assertTrue(stream.subscribe(new Recorder(10), Optional.empty()).isEmpty());
    }

    @Test
    void aFullSubscriberIsRemovedAndTheOthersGoOn() throws RestconfException {
        final NotificationStream stream = stream(4, 0);
        final Recorder small = new Recorder(1);
        final Recorder large = new Recorder(10);
        stream.subscribe(small, Optional.empty());
        stream.subscribe(large, Optional.empty());
        for (int i = 1; i <= 3; i++) {
            stream.publish(StreamQueryTest.interfaceDown(i), T0);
        }
        assertEquals(1, small.events.size());
        assertEquals(3, large.events.size());
        assertEquals(1, stream.subscriberCount());
    }

    @Test
    void theSubscriberLimitHoldsAndCloseEndsEveryone() throws RestconfException {
        final NotificationStream stream = stream(2, 0);
        final Recorder first = new Recorder(10);
        stream.subscribe(first, Optional.empty());
        stream.subscribe(new Recorder(10), Optional.empty());
        final RestconfException refused = assertThrows(RestconfException.class,
            () -> stream.subscribe(new Recorder(10), Optional.empty()));
        assertEquals(503, refused.status());
        stream.unsubscribe(first);
        stream.subscribe(new Recorder(10), Optional.empty());
        final Recorder last = new Recorder(10);
        stream.unsubscribe(first);
        stream.close();
        assertEquals(0, stream.subscriberCount());
        assertThrows(RestconfException.class, () -> stream.subscribe(last, Optional.empty()));
        stream.publish(StreamQueryTest.interfaceDown(1), T0);
        assertTrue(last.events.isEmpty());
    }
}
