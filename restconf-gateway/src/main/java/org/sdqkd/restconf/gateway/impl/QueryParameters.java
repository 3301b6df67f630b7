package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.util.Fields;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * The query parameters of a data request (RFC 8040 section 4.8) that the gateway carries out: {@code content},
 * {@code depth}, {@code fields} and {@code with-defaults}, for GET and HEAD only, and {@code insert} and {@code point}
 * (sections 4.8.5, 4.8.6), for POST and PUT only. Any other parameter, a repeated one, a bad value or one on another
 * method answers 400 invalid-value, so a client never gets an answer that ignored what it asked for.
 *
 * @param content      which data: configuration, state or both
 * @param depth        the deepest level answered, the target being 1; empty for unbounded
 * @param fields       the selected descendants, if any
 * @param withDefaults the with-defaults mode, if any
 * @param insert       where an ordered-by-user entry goes, if given
 * @param point        the API path of the entry it goes before or after (from {@code {+restconf}/data}), if given
 */
record QueryParameters(Content content, Optional<Integer> depth, Optional<FieldsExpression> fields,
        Optional<WithDefaults> withDefaults, Optional<Insertion.Where> insert, Optional<String> point) {
    /** The parameters carried out, as named in their capability URIs (section 9.1.1). */
    static final List<String> SUPPORTED = List.of("content", "depth", "fields", "with-defaults", "insert", "point");
    /** The parameters of section 4.8 not carried out yet. */
    private static final Set<String> NOT_SUPPORTED = Set.of("filter", "start-time", "stop-time");
    /** The parameters of edits. */
    private static final Set<String> EDIT = Set.of("insert", "point");
    /** No parameters. */
    static final QueryParameters NONE = new QueryParameters(Content.ALL, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());

    QueryParameters {
        requireNonNull(content);
        requireNonNull(depth);
        requireNonNull(fields);
        requireNonNull(withDefaults);
        requireNonNull(insert);
        requireNonNull(point);
    }

    /** The values of {@code content} (section 4.8.1). */
    enum Content {
        /** {@code config}: configuration data only. */
        CONFIG,
        /** {@code nonconfig}: state data only. */
        NONCONFIG,
        /** {@code all}: both, the default. */
        ALL
    }

    /**
     * Reads a request's parameters.
     *
     * @param query  the decoded query parameters
     * @param method the request's method
     * @return the parameters
     * @throws RestconfException 400 invalid-value for an unknown, unsupported, repeated or misplaced parameter or a
     *                           bad value
     */
    static QueryParameters of(final Fields query, final String method) throws RestconfException {
        Content content = Content.ALL;
        Optional<Integer> depth = Optional.empty();
        Optional<FieldsExpression> fields = Optional.empty();
        Optional<WithDefaults> withDefaults = Optional.empty();
        Optional<Insertion.Where> insert = Optional.empty();
        Optional<String> point = Optional.empty();
        for (Fields.Field field : query) {
            final String name = field.getName();
            if (NOT_SUPPORTED.contains(name)) {
                throw invalid("the query parameter " + name + " is not supported by this server");
            }
            if (!SUPPORTED.contains(name)) {
                throw invalid("unknown query parameter " + name + "; this server supports "
                    + String.join(", ", SUPPORTED));
            }
            if (field.getValues().size() != 1) {
                throw invalid("the query parameter " + name + " may be given once only");
            }
            if (EDIT.contains(name) && !"POST".equals(method) && !"PUT".equals(method)) {
                throw invalid("the query parameter " + name + " is allowed with POST and PUT only, not " + method);
            }
            if (!EDIT.contains(name) && !"GET".equals(method) && !"HEAD".equals(method)) {
                throw invalid("the query parameter " + name + " is allowed with GET and HEAD only, not " + method);
            }
            final String value = field.getValue();
            switch (name) {
                case "content" -> content = content(value);
                case "depth" -> depth = depth(value);
                case "fields" -> fields = Optional.of(FieldsExpression.parse(value));
                case "with-defaults" -> withDefaults = Optional.of(WithDefaults.of(value));
                case "insert" -> insert = Optional.of(Insertion.Where.of(value));
                case "point" -> point = Optional.of(value);
                default -> throw new IllegalStateException("unhandled parameter " + name);
            }
        }
        return new QueryParameters(content, depth, fields, withDefaults, insert, point);
    }

    private static Content content(final String value) throws RestconfException {
        return switch (value) {
            case "config" -> Content.CONFIG;
            case "nonconfig" -> Content.NONCONFIG;
            case "all" -> Content.ALL;
            default -> throw invalid("content=" + value + " is not one of config, nonconfig, all");
        };
    }

    private static Optional<Integer> depth(final String value) throws RestconfException {
        if ("unbounded".equals(value)) {
            return Optional.empty();
        }
        if (value.matches("[1-9][0-9]{0,4}") && Integer.parseInt(value) <= 65_535) {
            return Optional.of(Integer.parseInt(value));
        }
        throw invalid("depth=" + value + " is not unbounded or an integer from 1 to 65535");
    }

    /** 400 invalid-value with a message (RFC 8040 section 4.8). */
    static RestconfException invalid(final String message) {
        return new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }
}
