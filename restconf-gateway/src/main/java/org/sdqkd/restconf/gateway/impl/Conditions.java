package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * The conditional headers of a request (RFC 7232; RFC 8040 sections 3.4.1 and 4.1 to 4.7): {@code If-Match},
 * {@code If-None-Match}, {@code If-Modified-Since} and {@code If-Unmodified-Since}, evaluated against a resource's
 * entity-tag and the datastore's last change, in the order of RFC 7232 section 6. Dates have whole seconds.
 *
 * @param ifMatch           the entity-tags of {@code If-Match} ({@code *} for any), if given
 * @param ifNoneMatch       the entity-tags of {@code If-None-Match}, if given
 * @param ifModifiedSince   the date of {@code If-Modified-Since}, if given and valid
 * @param ifUnmodifiedSince the date of {@code If-Unmodified-Since}, if given and valid
 */
record Conditions(Optional<List<String>> ifMatch, Optional<List<String>> ifNoneMatch,
        Optional<Instant> ifModifiedSince, Optional<Instant> ifUnmodifiedSince) {
    /** No condition. */
    static final Conditions NONE = new Conditions(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());

    /** What a condition that holds not answers. */
    enum Outcome {
        /** Go on with the request. */
        PROCEED,
        /** 304 Not Modified (GET and HEAD). */
        NOT_MODIFIED,
        /** 412 Precondition Failed. */
        FAILED
    }

    Conditions {
        requireNonNull(ifMatch);
        requireNonNull(ifNoneMatch);
        requireNonNull(ifModifiedSince);
        requireNonNull(ifUnmodifiedSince);
        ifMatch = ifMatch.map(List::copyOf);
        ifNoneMatch = ifNoneMatch.map(List::copyOf);
    }

    /**
     * The conditions of a request's headers; invalid dates are ignored (RFC 7232 sections 3.3 and 3.4).
     *
     * @param ifMatch           {@code If-Match}, or {@code null}
     * @param ifNoneMatch       {@code If-None-Match}, or {@code null}
     * @param ifModifiedSince   {@code If-Modified-Since}, or {@code null}
     * @param ifUnmodifiedSince {@code If-Unmodified-Since}, or {@code null}
     * @return the conditions
     */
    static Conditions of(final String ifMatch, final String ifNoneMatch, final String ifModifiedSince,
            final String ifUnmodifiedSince) {
        return new Conditions(tags(ifMatch), tags(ifNoneMatch), date(ifModifiedSince), date(ifUnmodifiedSince));
    }

    /** Whether any condition is given: a write must then check it atomically with its change. */
    boolean any() {
        return ifMatch.isPresent() || ifNoneMatch.isPresent() || ifModifiedSince.isPresent()
            || ifUnmodifiedSince.isPresent();
    }

    /**
     * Evaluates the conditions (RFC 7232 section 6).
     *
     * @param entityTag    the resource's current entity-tag, or empty when it does not exist
     * @param lastModified when the datastore last changed
     * @param read         whether the request is a GET or HEAD
     * @return what to do
     */
    Outcome evaluate(final Optional<String> entityTag, final Instant lastModified, final boolean read) {
        final Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch.isPresent()) {
            if (entityTag.isEmpty() || !matches(ifMatch.orElseThrow(), entityTag.orElseThrow())) {
                return Outcome.FAILED;
            }
        } else if (ifUnmodifiedSince.isPresent() && entityTag.isPresent()
                && modified.isAfter(ifUnmodifiedSince.orElseThrow())) {
            return Outcome.FAILED;
        }
        if (ifNoneMatch.isPresent()) {
            if (entityTag.isPresent() && matches(ifNoneMatch.orElseThrow(), entityTag.orElseThrow())) {
                return read ? Outcome.NOT_MODIFIED : Outcome.FAILED;
            }
        } else if (read && ifModifiedSince.isPresent() && entityTag.isPresent()
                && !modified.isAfter(ifModifiedSince.orElseThrow())) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /** The exception of a failed precondition. */
    static RestconfException failed() {
        return new RestconfException(412, RestconfError.of(ErrorTag.OPERATION_FAILED,
            "a precondition (If-Match, If-None-Match or If-Unmodified-Since) does not hold: the resource changed"));
    }

    private static boolean matches(final List<String> tags, final String entityTag) {
        return tags.contains("*") || tags.contains(entityTag);
    }

    private static Optional<List<String>> tags(final String header) {
        if (header == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(header.split(",")).map(String::strip).filter(tag -> !tag.isEmpty())
            .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).toList());
    }

    private static Optional<Instant> date(final String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
