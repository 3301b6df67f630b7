package org.sdqkd.netconf.client.api;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The parameters of {@code create-subscription} (RFC 5277 section 2.1.1). Absent ones are not sent.
 *
 * @param stream the event stream, if not the default {@code NETCONF}
 * @param filter which events to receive
 * @param startTime replay events from this time (the {@code :notification} replay feature)
 * @param stopTime end the subscription at this time; only with a start time
 */
public record SubscriptionOptions(Optional<String> stream, Optional<Filter> filter,
        Optional<OffsetDateTime> startTime, Optional<OffsetDateTime> stopTime) {

    /** All events of the default stream, from now on. */
    public static final SubscriptionOptions DEFAULT = new SubscriptionOptions(Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if there is a stop time without a start time
     */
    public SubscriptionOptions {
        requireNonNull(stream);
        requireNonNull(filter);
        requireNonNull(startTime);
        requireNonNull(stopTime);
        if (stopTime.isPresent() && startTime.isEmpty()) {
            throw new IllegalArgumentException("a stop time needs a start time (RFC 5277 section 2.1.1)");
        }
    }

    /**
     * These options for another stream.
     *
     * @param name the stream's name
     * @return the changed options
     */
    public SubscriptionOptions withStream(final String name) {
        return new SubscriptionOptions(Optional.of(name), filter, startTime, stopTime);
    }

    /**
     * These options with a filter.
     *
     * @param newFilter the filter
     * @return the changed options
     */
    public SubscriptionOptions withFilter(final Filter newFilter) {
        return new SubscriptionOptions(stream, Optional.of(newFilter), startTime, stopTime);
    }

    /**
     * These options with a replay window.
     *
     * @param start the start time
     * @param stop the stop time, or empty for none
     * @return the changed options
     */
    public SubscriptionOptions withReplay(final OffsetDateTime start, final Optional<OffsetDateTime> stop) {
        return new SubscriptionOptions(stream, filter, Optional.of(start), stop);
    }
}
