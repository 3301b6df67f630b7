package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataSnapshot;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.TransactionConflictException;

/**
 * The methods of {@code {+restconf}/data} resources (RFC 8040 section 4): edits go to the running datastore, GET
 * answers running's configuration with the operational datastore's state merged in. Every edit is one
 * datastore transaction, validated whole and durable before the answer, or refused with nothing changed. Conditional
 * requests are checked inside the transaction against the resource as that transaction sees it, and the resource is
 * pinned in it, so that a change another client commits in between makes the commit conflict; the request is then
 * evaluated again on fresh data and answers 412 if its condition no longer holds.
 */
final class DataResource {
    /** How often an edit is redone after an optimistic conflict with another commit before 409 in-use. */
    private static final int ATTEMPTS = 16;

    private final Datastores datastores;
    private final BodyReader reader;
    private final DatastoreErrors errors;
    private final ApiPathFormatter formatter;
    private final ModificationClock clock;
    private final GatewayState ownState;
    private final DefaultsFilter defaults;
    private final FieldsFilter fields;
    private final ListPositions positions;
    private final AtomicLong sessions = new AtomicLong(1L << 40);

    DataResource(final Datastores datastores, final ModelCodecs codecs, final ModificationClock clock,
            final GatewayState state) {
        this.ownState = requireNonNull(state);
        this.defaults = new DefaultsFilter(new DefaultValues(codecs));
        this.fields = new FieldsFilter(codecs.context());
        this.positions = new ListPositions(codecs);
        this.datastores = requireNonNull(datastores);
        this.reader = new BodyReader(codecs);
        this.errors = new DatastoreErrors(codecs);
        this.formatter = new ApiPathFormatter(codecs);
        this.clock = requireNonNull(clock);
    }

    /**
     * GET and HEAD (RFC 8040 sections 4.2 and 4.3) with the query parameters of section 4.8. The entity-tag is the
     * resource's (all its data), whatever part of it the parameters select.
     *
     * @param target       the resource
     * @param conditions   the request's conditions
     * @param query        the query parameters
     * @param restconfRoot the RESTCONF root URL as the client reached it (the YANG library's locations start there)
     * @return 200 with the data, 304 when not modified
     * @throws RestconfException 404 when there is no such data, 400 for a fields expression the target does not fit
     */
    Answer get(final ApiPath target, final Conditions conditions, final QueryParameters query,
            final String restconfRoot) throws RestconfException {
        final Instant modified = clock.lastModified();
        final Optional<NormalizedNode> config = read(datastores.snapshot(DatastoreName.RUNNING), target);
        final Optional<NormalizedNode> state = StateMerge.of(read(datastores.snapshot(DatastoreName.OPERATIONAL),
            target), ownState.read(restconfRoot, target.path()));
        final NormalizedNode data = StateMerge.of(config, state).orElseThrow(() -> absent(target));
        final String tag = EntityTag.of(data);
        final Map<String, String> headers = validators(tag, modified);
        return switch (conditions.evaluate(Optional.of(tag), modified, true)) {
            case PROCEED -> new Answer(200, headers, Optional.of(new Answer.Content(target,
                shape(target, query, switch (query.content()) {
                    case ALL -> data;
                    case CONFIG -> config.orElseThrow(() -> absent(target));
                    case NONCONFIG -> state.flatMap(found -> ContentFilter.nonConfig(found, target.schema()))
                        .or(() -> target.isRoot() ? Optional.of(Rebuild.builder(
                            (DataContainerNode) data).build()) : Optional.empty())
                        .orElseThrow(() -> absent(target));
                }), query.withDefaults().filter(WithDefaults.REPORT_ALL_TAGGED::equals).isPresent())));
            case NOT_MODIFIED -> Answer.of(304, headers);
            case FAILED -> throw Conditions.failed();
        };
    }

    /** with-defaults, then fields, then depth (which counts the levels fields leaves). */
    private NormalizedNode shape(final ApiPath target, final QueryParameters query, final NormalizedNode data)
            throws RestconfException {
        NormalizedNode shaped = data;
        if (query.withDefaults().isPresent()) {
            shaped = defaults.apply(shaped, target.schema(), query.withDefaults().orElseThrow(),
                switch (query.content()) {
                    case ALL -> node -> true;
                    case CONFIG -> node -> node.effectiveConfig().orElse(Boolean.TRUE);
                    case NONCONFIG -> node -> !node.effectiveConfig().orElse(Boolean.TRUE);
                });
        }
        if (query.fields().isPresent()) {
            shaped = fields.select(shaped, target, query.fields().orElseThrow());
        }
        if (query.depth().isPresent()) {
            shaped = DepthLimit.of(shaped, query.depth().orElseThrow());
        }
        return shaped;
    }

    private static RestconfException absent(final ApiPath target) {
        return new RestconfException(404, new RestconfError(ErrorType.PROTOCOL, ErrorTag.INVALID_VALUE,
            Optional.empty(), Optional.of(target.path()), "no data at this path (RFC 8040 section 4.3)"));
    }

    /**
     * Whether there is data at a path, configuration or state.
     *
     * @param path the path
     * @return whether running or the operational datastore has it
     */
    boolean exists(final YangInstanceIdentifier path) {
        return datastores.snapshot(DatastoreName.RUNNING).read(path).isPresent()
            || datastores.snapshot(DatastoreName.OPERATIONAL).read(path).isPresent();
    }

    private static Optional<NormalizedNode> read(final DataSnapshot snapshot, final ApiPath target) {
        return target.isRoot() ? Optional.of(snapshot.root()) : snapshot.read(target.path());
    }

    /**
     * PUT (RFC 8040 section 4.5): creates or replaces the target, at a position of its ordered-by-user list when
     * {@code insert} is given (section 4.8.5).
     *
     * @param insertion where the entry goes, if the request says
     * @return 201 when created, 204 when replaced
     */
    Answer put(final ApiPath target, final Encoding encoding, final byte[] body, final Conditions conditions,
            final Optional<Insertion> insertion) throws RestconfException {
        requireConfiguration(target);
        if (insertion.isPresent()) {
            positions.requireOrdered(target.path());
        }
        final NormalizedNode data = reader.readResource(target, encoding, body);
        return edit(target.path(), conditions, (tx, current) -> {
            if (insertion.isPresent()) {
                positions.place(tx, target.path(), data, insertion.orElseThrow());
            } else {
                ListPositions.write(tx, target.path(), data);
            }
            return current.isPresent() ? 204 : 201;
        }, Map.of());
    }

    /**
     * Plain PATCH (RFC 8040 section 4.6.1): merges the body into the target, which must exist.
     *
     * @return 204
     */
    Answer patch(final ApiPath target, final Encoding encoding, final byte[] body, final Conditions conditions)
            throws RestconfException {
        requireConfiguration(target);
        final NormalizedNode data = reader.readResource(target, encoding, body);
        return edit(target.path(), conditions, (tx, current) -> {
            if (current.isEmpty()) {
                throw missing(target.path(), "PATCH does not create the target resource (RFC 8040 section 4.6.1)");
            }
            tx.merge(target.path(), data);
            return 204;
        }, Map.of());
    }

    /**
     * POST of a data resource (RFC 8040 section 4.4.1): creates a child of the target, at a position of its
     * ordered-by-user list when {@code insert} is given (section 4.8.5). A body that holds the target itself rather
     * than a child (what Ansible's {@code restconf_config} sends to create an absent resource) creates the target,
     * under the same rules.
     *
     * @param insertion where the entry goes, if the request says
     * @return 201 with the new resource's {@code Location}
     * @throws RestconfException 409 data-exists when the child exists
     */
    Answer post(final ApiPath target, final Encoding encoding, final byte[] body, final Conditions conditions,
            final String dataUri, final Optional<Insertion> insertion) throws RestconfException {
        requireConfiguration(target);
        final BodyReader.Child child;
        try {
            child = reader.readChild(target, encoding, body);
        } catch (RestconfException notAChild) {
            if (target.isRoot() || insertion.isPresent()) {
                throw notAChild;
            }
            // Ansible's restconf_config POSTs the resource itself to its own, absent, path
            final NormalizedNode self;
            try {
                self = reader.readResource(target, encoding, body);
            } catch (RestconfException notItself) {
                throw notAChild;
            }
            return create(target.path(), self, conditions, dataUri + "/" + formatter.format(target.path()),
                Optional.empty());
        }
        if (insertion.isPresent()) {
            positions.requireOrdered(child.path());
        }
        return create(child.path(), child.data(), conditions, dataUri + "/" + formatter.format(child.path()),
            insertion);
    }

    private Answer create(final YangInstanceIdentifier path, final NormalizedNode data, final Conditions conditions,
            final String location, final Optional<Insertion> insertion) throws RestconfException {
        return edit(path, conditions, (tx, current) -> {
            if (current.isPresent()) {
                throw RestconfException.of(RestconfError.at(ErrorTag.DATA_EXISTS, path,
                    "the resource exists; POST only creates (RFC 8040 section 4.4.1)"));
            }
            if (insertion.isPresent()) {
                positions.place(tx, path, data, insertion.orElseThrow());
            } else {
                ListPositions.write(tx, path, data);
            }
            return 201;
        }, Map.of("Location", location));
    }

    /**
     * DELETE (RFC 8040 section 4.7).
     *
     * @return 204
     * @throws RestconfException 404 data-missing when there is nothing to delete
     */
    Answer delete(final ApiPath target, final Conditions conditions) throws RestconfException {
        requireConfiguration(target);
        if (target.isRoot()) {
            throw RestconfException.of(RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED,
                "the datastore root cannot be deleted"));
        }
        return edit(target.path(), conditions, (tx, current) -> {
            if (current.isEmpty()) {
                throw missing(target.path(), "there is no data to delete at this path");
            }
            tx.delete(target.path());
            return 204;
        }, Map.of());
    }

    /** One change made in a transaction, given the resource's current data in it. */
    @FunctionalInterface
    interface Edit {
        int apply(DataTransaction tx, Optional<NormalizedNode> current) throws RestconfException, DatastoreException;
    }

    /**
     * Makes a change in one transaction on running, with the request's conditions checked on the resource inside
     * it, redone on fresh data after an optimistic conflict.
     *
     * @param resource     the resource the conditions are about
     * @param conditions   the conditions
     * @param edit         the change
     * @param extraHeaders headers to answer besides the validators
     * @return the answer, with the status the change gave
     * @throws RestconfException what the change threw, 412, or the datastore's refusal
     */
    Answer edit(final YangInstanceIdentifier resource, final Conditions conditions, final Edit edit,
            final Map<String, String> extraHeaders) throws RestconfException {
        TransactionConflictException conflict = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            final SessionId session = new SessionId(sessions.incrementAndGet(), "restconf");
            try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, session)) {
                final Optional<NormalizedNode> current = tx.read(resource);
                if (conditions.any()) {
                    final Optional<String> tag = current.map(EntityTag::of);
                    if (conditions.evaluate(tag, clock.configurationModified(), false) != Conditions.Outcome.PROCEED) {
                        throw Conditions.failed();
                    }
                    if (current.isPresent() && !resource.isEmpty()) {
                        // pins the resource: a commit that changed it since this transaction began now conflicts
                        tx.write(resource, current.orElseThrow());
                    }
                }
                final int status = edit.apply(tx, current);
                final Optional<NormalizedNode> after = tx.read(resource);
                tx.commit();
                final Instant modified = clock.touchConfiguration();
                final Map<String, String> headers = new HashMap<>(extraHeaders);
                after.ifPresent(node -> headers.putAll(validators(EntityTag.of(node), modified)));
                return Answer.of(status, headers);
            } catch (TransactionConflictException e) {
                conflict = e;
            } catch (DatastoreException e) {
                throw errors.of(e);
            }
        }
        throw errors.of(conflict);
    }

    private static Map<String, String> validators(final String entityTag, final Instant modified) {
        return Map.of("ETag", entityTag, "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC)));
    }

    static void requireConfiguration(final ApiPath target) throws RestconfException {
        if (!target.isConfiguration()) {
            throw new RestconfException(405, RestconfError.at(ErrorTag.OPERATION_NOT_SUPPORTED, target.path(),
                "state data (config false) cannot be changed"));
        }
    }

    private static RestconfException missing(final YangInstanceIdentifier path, final String message) {
        return new RestconfException(404, RestconfError.at(ErrorTag.DATA_MISSING, path, message));
    }
}
