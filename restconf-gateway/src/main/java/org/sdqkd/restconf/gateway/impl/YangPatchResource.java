package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;

/**
 * YANG Patch (RFC 8072): a PATCH with an {@code application/yang-patch+json} or {@code +xml} body applies its edits in
 * order in one transaction on running, validated whole at commit: all of them or none. Each edit's target is read
 * relative to the request's target and its value at that target, like a PUT body. create (data-exists if present),
 * delete (data-missing if absent), merge, replace and remove are carried out, and insert (a new entry, data-exists if
 * present) and move (an existing entry, data-missing if absent) place an entry of an ordered-by-user list where its
 * {@code where} and {@code point} say (RFC 8072 section 2.5).
 */
final class YangPatchResource {
    /** The media types of YANG Patch bodies (RFC 8072 section 4.2.1). */
    static final String JSON_TYPE = "application/yang-patch+json";
    /** The XML one. */
    static final String XML_TYPE = "application/yang-patch+xml";

    private final DataResource data;
    private final ApiPathParser parser;
    private final BodyReader reader;
    private final YangPatchReader patches = new YangPatchReader();
    private final ListPositions positions;

    private record Step(YangPatch.Edit edit, ApiPath target, Optional<NormalizedNode> value,
            Optional<Insertion> insertion) {
        Step(final YangPatch.Edit edit, final ApiPath target, final Optional<NormalizedNode> value) {
            this(edit, target, value, Optional.empty());
        }
    }

    /**
     * The outcome of a patch.
     *
     * @param status  the HTTP status
     * @param headers the validators of the target after the change, when it succeeded
     * @param body    the yang-patch-status
     */
    record Outcome(int status, Map<String, String> headers, YangPatchStatus body) {
    }

    YangPatchResource(final DataResource data, final ApiPathParser parser, final ModelCodecs codecs) {
        this.data = requireNonNull(data);
        this.parser = requireNonNull(parser);
        this.reader = new BodyReader(codecs);
        this.positions = new ListPositions(codecs);
    }

    /**
     * Applies a patch.
     *
     * @param targetPath the request's API path after {@code {+restconf}/data/}, {@code ""} for the datastore
     * @param target     the request's target
     * @param encoding   the body's encoding
     * @param body       the body
     * @param conditions the request's conditions, on the target
     * @return 200 with ok, or the failed edit's (or the commit's) error status with its errors
     * @throws RestconfException when the body is no YANG Patch, or a condition fails (412)
     */
    Outcome apply(final String targetPath, final ApiPath target, final Encoding encoding, final byte[] body,
            final Conditions conditions) throws RestconfException {
        final YangPatch patch = patches.read(encoding, body);
        final List<Step> steps = new ArrayList<>();
        for (YangPatch.Edit edit : patch.edits()) {
            try {
                steps.add(resolve(targetPath, edit, encoding));
            } catch (RestconfException e) {
                return failed(patch, Optional.of(edit.editId()), e);
            }
        }
        final int[] current = {-1};
        try {
            final Answer answer = data.edit(target.path(), conditions, (tx, unused) -> {
                for (int i = 0; i < steps.size(); i++) {
                    current[0] = i;
                    apply(tx, steps.get(i));
                }
                current[0] = -1;
                return 200;
            }, Map.of());
            return new Outcome(200, answer.headers(), YangPatchStatus.ok(patch.patchId()));
        } catch (RestconfException e) {
            if (e.status() == 412) {
                throw e;
            }
            return failed(patch, current[0] < 0 ? Optional.empty()
                : Optional.of(steps.get(current[0]).edit().editId()), e);
        }
    }

    /**
     * The encoding of a YANG Patch body (RFC 8072 section 4.2.1).
     *
     * @param contentType the request's Content-Type, or null
     * @return the encoding, empty for another media type
     */
    static Optional<Encoding> encodingOf(final String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        final String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case JSON_TYPE -> Optional.of(Encoding.JSON);
            case XML_TYPE -> Optional.of(Encoding.XML);
            default -> Optional.empty();
        };
    }

    private Step resolve(final String targetPath, final YangPatch.Edit edit, final Encoding encoding)
            throws RestconfException {
        if (!edit.target().startsWith("/")) {
            throw invalid("edit " + edit.editId() + ": the target must start with '/' (relative to the request's "
                + "target): " + edit.target());
        }
        final ApiPath target = parser.parse(resolvePath(targetPath, edit.target()));
        DataResource.requireConfiguration(target);
        final boolean positioned = edit.operation() == YangPatch.Operation.INSERT
            || edit.operation() == YangPatch.Operation.MOVE;
        if (!positioned && (edit.where().isPresent() || edit.point().isPresent())) {
            throw invalid("edit " + edit.editId() + ": where and point belong to insert and move only");
        }
        return switch (edit.operation()) {
            case INSERT, MOVE -> {
                positions.requireOrdered(target.path());
                final Optional<Insertion> insertion = Optional.of(insertion(targetPath, edit));
                if (edit.operation() == YangPatch.Operation.MOVE) {
                    if (edit.value().isPresent()) {
                        throw invalid("edit " + edit.editId() + ": move takes no value");
                    }
                    yield new Step(edit, target, Optional.empty(), insertion);
                }
                final String value = edit.value().orElseThrow(() -> invalid("edit " + edit.editId()
                    + ": insert needs a value"));
                yield new Step(edit, target, Optional.of(reader.readResource(target, encoding,
                    value.getBytes(StandardCharsets.UTF_8))), insertion);
            }
            case CREATE, MERGE, REPLACE -> {
                final String value = edit.value().orElseThrow(() -> invalid("edit " + edit.editId()
                    + ": this operation needs a value"));
                yield new Step(edit, target, Optional.of(reader.readResource(target, encoding,
                    value.getBytes(StandardCharsets.UTF_8))));
            }
            case DELETE, REMOVE -> {
                if (edit.value().isPresent()) {
                    throw invalid("edit " + edit.editId() + ": delete and remove take no value");
                }
                yield new Step(edit, target, Optional.empty());
            }
        };
    }

    private Insertion insertion(final String targetPath, final YangPatch.Edit edit) throws RestconfException {
        final Insertion.Where where = edit.where().isPresent() ? Insertion.Where.of(edit.where().orElseThrow())
            : Insertion.Where.LAST;
        final Optional<YangInstanceIdentifier> point =
            edit.point().isPresent() ? Optional.of(parser.parse(resolvePath(targetPath, edit.point().orElseThrow()))
                .path()) : Optional.empty();
        return Insertion.of(where, point);
    }

    /** A target or point of an edit, relative to the request's target (RFC 8072 section 2.4), as a full API path. */
    private static String resolvePath(final String targetPath, final String relativeTarget) throws RestconfException {
        if (!relativeTarget.startsWith("/")) {
            throw invalid("an edit's target and point start with '/' (relative to the request's target): "
                + relativeTarget);
        }
        final String relative = relativeTarget.substring(1);
        return relative.isEmpty() ? targetPath : targetPath.isEmpty() ? relative : targetPath + "/" + relative;
    }

    private void apply(final DataTransaction tx, final Step step) throws RestconfException,
            DatastoreException {
        final var path = step.target().path();
        switch (step.edit().operation()) {
            case CREATE -> {
                if (tx.read(path).isPresent()) {
                    throw RestconfException.of(RestconfError.at(ErrorTag.DATA_EXISTS, path, "edit "
                        + step.edit().editId() + ": the target exists; create does not replace it"));
                }
                ListPositions.write(tx, path, step.value().orElseThrow());
            }
            case DELETE -> {
                if (tx.read(path).isEmpty()) {
                    throw new RestconfException(404, RestconfError.at(ErrorTag.DATA_MISSING, path, "edit "
                        + step.edit().editId() + ": there is no data to delete"));
                }
                tx.delete(path);
            }
            case REMOVE -> {
                if (tx.read(path).isPresent()) {
                    tx.delete(path);
                }
            }
            case MERGE -> tx.merge(path, step.value().orElseThrow());
            case REPLACE -> ListPositions.write(tx, path, step.value().orElseThrow());
            case INSERT -> {
                if (tx.read(path).isPresent()) {
                    throw RestconfException.of(RestconfError.at(ErrorTag.DATA_EXISTS, path, "edit "
                        + step.edit().editId() + ": the entry exists; insert adds a new one (use move)"));
                }
                positions.place(tx, path, step.value().orElseThrow(), step.insertion().orElseThrow());
            }
            case MOVE -> {
                final NormalizedNode entry = tx.read(path).orElseThrow(() -> new RestconfException(404,
                    RestconfError.at(ErrorTag.DATA_MISSING, path, "edit " + step.edit().editId()
                        + ": there is no entry to move")));
                positions.place(tx, path, entry, step.insertion().orElseThrow());
            }
        }
    }

    private static Outcome failed(final YangPatch patch, final Optional<String> editId, final RestconfException e) {
        return new Outcome(e.status(), Map.of(), new YangPatchStatus(patch.patchId(), editId, e.errors()));
    }

    private static RestconfException invalid(final String message) {
        return new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }
}
