package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;

/**
 * YANG Patch (RFC 8072): a PATCH with an {@code application/yang-patch+json} or {@code +xml} body applies its edits in
 * order in one transaction on running, validated whole at commit: all of them or none. Each edit's target is read
 * relative to the request's target and its value at that target, like a PUT body. create (data-exists if present),
 * delete (data-missing if absent), merge, replace and remove are carried out; insert and move (ordered-by-user
 * positions) answer operation-not-supported for their edit.
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

    private record Step(YangPatch.Edit edit, ApiPath target, Optional<NormalizedNode> value) {
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

    private Step resolve(final String targetPath, final YangPatch.Edit edit, final Encoding encoding)
            throws RestconfException {
        if (!edit.target().startsWith("/")) {
            throw invalid("edit " + edit.editId() + ": the target must start with '/' (relative to the request's "
                + "target): " + edit.target());
        }
        final String relative = edit.target().substring(1);
        final String path = relative.isEmpty() ? targetPath
            : targetPath.isEmpty() ? relative : targetPath + "/" + relative;
        final ApiPath target = parser.parse(path);
        DataResource.requireConfiguration(target);
        return switch (edit.operation()) {
            case INSERT, MOVE -> throw new RestconfException(501, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED,
                "edit " + edit.editId() + ": " + edit.operation().name().toLowerCase(java.util.Locale.ROOT)
                    + " (positions in ordered-by-user lists) is not supported by this server"));
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

    private static void apply(final DataTransaction tx, final Step step) throws RestconfException,
            DatastoreException {
        final var path = step.target().path();
        switch (step.edit().operation()) {
            case CREATE -> {
                if (tx.read(path).isPresent()) {
                    throw RestconfException.of(RestconfError.at(ErrorTag.DATA_EXISTS, path, "edit "
                        + step.edit().editId() + ": the target exists; create does not replace it"));
                }
                tx.write(path, step.value().orElseThrow());
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
            case REPLACE -> tx.write(path, step.value().orElseThrow());
            case INSERT, MOVE -> throw new IllegalStateException("refused when resolved");
        }
    }

    private static Outcome failed(final YangPatch patch, final Optional<String> editId, final RestconfException e) {
        return new Outcome(e.status(), Map.of(), new YangPatchStatus(patch.patchId(), editId, e.errors()));
    }

    private static RestconfException invalid(final String message) {
        return new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }
}
