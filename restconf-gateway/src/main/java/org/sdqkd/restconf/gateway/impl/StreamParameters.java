package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.util.Fields;

/**
 * The query parameters of a stream resource (RFC 8040 sections 4.8.4, 4.8.7, 4.8.8): {@code filter},
 * {@code start-time} and {@code stop-time}, each at most once. Anything else, or a bad value, is 400 invalid-value.
 *
 * @param filter the filter text, if any
 * @param start  replay from this time, if given
 * @param stop   end the subscription at this time, if given (only with a start time)
 */
record StreamParameters(Optional<String> filter, Optional<Instant> start, Optional<Instant> stop) {
    /** The parameters a stream takes, as named in their capability URIs (section 9.1.1). */
    static final List<String> SUPPORTED = List.of("filter", "start-time", "stop-time");

    StreamParameters {
        requireNonNull(filter);
        requireNonNull(start);
        requireNonNull(stop);
    }

    /**
     * Reads the parameters.
     *
     * @param query          the decoded query
     * @param now            the current time: a start time after it is refused
     * @param replaySupported whether the stream keeps events to replay; without it, start-time is refused
     * @return the parameters
     * @throws RestconfException 400 invalid-value for an unknown or repeated parameter or a bad value
     */
    static StreamParameters of(final Fields query, final Instant now, final boolean replaySupported)
            throws RestconfException {
        for (Fields.Field field : query) {
            if (!SUPPORTED.contains(field.getName())) {
                throw QueryParameters.invalid("a stream takes only the query parameters " + SUPPORTED + ", not "
                    + field.getName());
            }
            if (field.getValues().size() != 1) {
                throw QueryParameters.invalid("query parameter " + field.getName() + " is given more than once");
            }
        }
        final Optional<String> filter = Optional.ofNullable(query.getValue("filter"));
        if (filter.isPresent() && filter.orElseThrow().isBlank()) {
            throw QueryParameters.invalid("filter is empty");
        }
        final Optional<Instant> start = time(query, "start-time");
        final Optional<Instant> stop = time(query, "stop-time");
        if (start.isPresent() && !replaySupported) {
            throw QueryParameters.invalid("start-time needs replay, and this stream keeps no events to replay");
        }
        if (start.isPresent() && start.orElseThrow().isAfter(now)) {
            throw QueryParameters.invalid("start-time " + start.orElseThrow() + " is in the future");
        }
        if (stop.isPresent() && start.isEmpty()) {
            throw QueryParameters.invalid("stop-time is only allowed with start-time (RFC 8040 section 4.8.8)");
        }
        if (stop.isPresent() && stop.orElseThrow().isBefore(start.orElseThrow())) {
            throw QueryParameters.invalid("stop-time " + stop.orElseThrow() + " is before start-time "
                + start.orElseThrow());
        }
        return new StreamParameters(filter, start, stop);
    }

    /** A date-and-time (RFC 3339, as the ietf-yang-types type): a time with an offset. */
    private static Optional<Instant> time(final Fields query, final String name) throws RestconfException {
        final String value = query.getValue(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.toUpperCase(Locale.ROOT),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw QueryParameters.invalid(name + " is not a date-and-time such as 2026-12-07T09:00:00Z: " + value);
        }
    }
}
