package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * Where an entry of an ordered-by-user list or leaf-list goes: RFC 8040 sections 4.8.5 ({@code insert}) and 4.8.6
 * ({@code point}), RFC 8072 section 2.5 ({@code where} and {@code point} of insert and move edits).
 *
 * @param where  the position
 * @param point  the entry it is placed before or after; present exactly for {@code before} and {@code after}
 */
record Insertion(Where where, Optional<YangInstanceIdentifier> point) {
    /** At the end, the default. */
    static final Insertion LAST = new Insertion(Where.LAST, Optional.empty());

    Insertion {
        requireNonNull(where);
        requireNonNull(point);
        if (point.isPresent() != (where == Where.BEFORE || where == Where.AFTER)) {
            throw new IllegalArgumentException("a point is given with before and after only");
        }
    }

    /** The positions. */
    enum Where {
        /** The first entry. */
        FIRST,
        /** The last entry. */
        LAST,
        /** Just before the point. */
        BEFORE,
        /** Just after the point. */
        AFTER;

        /**
         * Reads a value of {@code insert} or {@code where}.
         *
         * @param value the value
         * @return the position
         * @throws RestconfException 400 invalid-value for another value
         */
        static Where of(final String value) throws RestconfException {
            return switch (value) {
                case "first" -> FIRST;
                case "last" -> LAST;
                case "before" -> BEFORE;
                case "after" -> AFTER;
                default -> throw QueryParameters.invalid("'" + value + "' is not one of first, last, before, after");
            };
        }

        /** The value as RFC 8040 names it. */
        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The insertion a POST or PUT asks for with {@code insert} and {@code point} (RFC 8040 sections 4.8.5, 4.8.6).
     *
     * @param query  the request's parameters
     * @param parser reads the point, an API path from {@code {+restconf}/data}
     * @return the insertion, empty when neither parameter is given
     * @throws RestconfException 400 for a bad or missing point
     */
    static Optional<Insertion> of(final QueryParameters query, final ApiPathParser parser) throws RestconfException {
        if (query.insert().isEmpty() && query.point().isEmpty()) {
            return Optional.empty();
        }
        Optional<YangInstanceIdentifier> point = Optional.empty();
        if (query.point().isPresent()) {
            final String text = query.point().orElseThrow();
            point = Optional.of(parser.parse(text.startsWith("/") ? text.substring(1) : text).path());
        }
        return Optional.of(of(query.insert().orElse(Where.LAST), point));
    }

    /**
     * An insertion from its parts as a request gives them.
     *
     * @param where the position
     * @param point the point, if given
     * @return the insertion
     * @throws RestconfException 400 invalid-value when a point is missing for before or after (RFC 8040 section
     *                           4.8.5), or given for first or last (section 4.8.6)
     */
    static Insertion of(final Where where, final Optional<YangInstanceIdentifier> point) throws RestconfException {
        final boolean relative = where == Where.BEFORE || where == Where.AFTER;
        if (relative && point.isEmpty()) {
            throw new RestconfException(400, RestconfError.of(ErrorTag.MISSING_ATTRIBUTE,
                "insert=" + where.text() + " needs a point (RFC 8040 section 4.8.5)"));
        }
        if (!relative && point.isPresent()) {
            throw QueryParameters.invalid("point is allowed with insert=before or insert=after only, not "
                + where.text() + " (RFC 8040 section 4.8.6)");
        }
        return new Insertion(where, point);
    }
}
