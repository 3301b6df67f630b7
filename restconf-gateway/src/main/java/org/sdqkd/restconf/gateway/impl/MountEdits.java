package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.restconf.gateway.spi.MountEdit;
import org.sdqkd.restconf.gateway.spi.MountRead;

/**
 * The edits of RFC 8040 section 4 below a mount, each forwarded as one {@code MountedDevice.edit} call: PUT is
 * {@code replace} (201 when the resource was absent before, by a read of the device's configuration first; 204
 * otherwise), POST {@code create} of the child in the body (201 with its {@code Location} through the mount; the
 * device answers {@code data-exists}, 409), a plain PATCH {@code merge} into a resource that must exist (404
 * {@code data-missing}, by a read first; RFC 8040 section 4.6.1), DELETE {@code delete} (the device answers
 * {@code data-missing}, 404), and a YANG Patch (RFC 8072) all its edits in one call. Bodies are read with the codecs of
 * the device's models; the datastore root of a device cannot be replaced or deleted whole (405).
 */
final class MountEdits {
    private final MountedRequest mounted;
    private final BodyReader reader;

    MountEdits(final MountedRequest mounted) {
        this.mounted = requireNonNull(mounted);
        this.reader = mounted.codecs().reader();
    }

    /** PUT: replace. */
    Answer put(final ApiPath target, final Encoding encoding, final byte[] body, final Conditions conditions)
            throws RestconfException {
        requireNotRoot(target, "PUT");
        DataResource.requireConfiguration(target);
        final NormalizedNode data = reader.readResource(target, encoding, body);
        final boolean existed = exists(target.path());
        check(conditions, existed);
        edit(new MountEdit(MountEdit.Operation.REPLACE, target.path(), Optional.of(data)));
        return Answer.of(existed ? 204 : 201, Map.of());
    }

    /** Plain PATCH: merge into an existing resource. */
    Answer merge(final ApiPath target, final Encoding encoding, final byte[] body, final Conditions conditions)
            throws RestconfException {
        requireNotRoot(target, "PATCH");
        DataResource.requireConfiguration(target);
        final NormalizedNode data = reader.readResource(target, encoding, body);
        final boolean existed = exists(target.path());
        if (!existed) {
            throw new RestconfException(404, RestconfError.at(ErrorTag.DATA_MISSING, target.path(),
                "PATCH does not create the target resource (RFC 8040 section 4.6.1)"));
        }
        check(conditions, true);
        edit(new MountEdit(MountEdit.Operation.MERGE, target.path(), Optional.of(data)));
        return Answer.of(204, Map.of());
    }

    /** POST: create the child in the body. */
    Answer post(final ApiPath target, final Encoding encoding, final byte[] body, final Conditions conditions,
            final String dataUri) throws RestconfException {
        DataResource.requireConfiguration(target);
        final BodyReader.Child child = reader.readChild(target, encoding, body);
        if (MountConditions.needRead(conditions)) {
            check(conditions, exists(target.path()));
        }
        edit(new MountEdit(MountEdit.Operation.CREATE, child.path(), Optional.of(child.data())));
        return Answer.of(201, Map.of("Location", mounted.location(dataUri, child.path())));
    }

    /** DELETE. */
    Answer delete(final ApiPath target, final Conditions conditions) throws RestconfException {
        requireNotRoot(target, "DELETE");
        DataResource.requireConfiguration(target);
        if (MountConditions.needRead(conditions)) {
            check(conditions, exists(target.path()));
        }
        edit(new MountEdit(MountEdit.Operation.DELETE, target.path(), Optional.empty()));
        return Answer.of(204, Map.of());
    }

    /**
     * A YANG Patch: every edit, in order, in one device edit. An edit the gateway cannot read answers with its
     * edit-id and nothing is sent to the device; the device's refusal of the whole answers under {@code errors} (the
     * device does not say which edit it refused). {@code insert} and {@code move} are refused: device edits carry no
     * position.
     *
     * @return 200 with ok, or the error status with the yang-patch-status
     * @throws RestconfException when the body is no YANG Patch, or a condition fails
     */
    YangPatchResource.Outcome yangPatch(final ApiPath target, final Encoding encoding, final byte[] body,
            final Conditions conditions) throws RestconfException {
        DataResource.requireConfiguration(target);
        final YangPatch patch = new YangPatchReader().read(encoding, body);
        final List<MountEdit> edits = new ArrayList<>();
        for (YangPatch.Edit edit : patch.edits()) {
            try {
                edits.add(edit(target, edit, encoding));
            } catch (RestconfException e) {
                return new YangPatchResource.Outcome(e.status(), Map.of(),
                    new YangPatchStatus(patch.patchId(), Optional.of(edit.editId()), e.errors()));
            }
        }
        if (MountConditions.needRead(conditions)) {
            check(conditions, exists(target.path()));
        }
        if (!edits.isEmpty()) {
            try {
                mounted.call("editing", () -> {
                    mounted.device().edit(edits);
                    return Boolean.TRUE;
                });
            } catch (RestconfException e) {
                return new YangPatchResource.Outcome(e.status(), Map.of(),
                    new YangPatchStatus(patch.patchId(), Optional.empty(), e.errors()));
            }
        }
        return new YangPatchResource.Outcome(200, Map.of(), YangPatchStatus.ok(patch.patchId()));
    }

    private MountEdit edit(final ApiPath request, final YangPatch.Edit edit, final Encoding encoding)
            throws RestconfException {
        if (!edit.target().startsWith("/")) {
            throw invalid("edit " + edit.editId() + ": the target must start with '/' (relative to the request's "
                + "target): " + edit.target());
        }
        final String relative = edit.target().substring(1);
        final String base = mounted.paths().devicePath();
        final ApiPath target = mounted.codecs().parser().parse(relative.isEmpty() ? base
            : base.isEmpty() ? relative : base + "/" + relative);
        DataResource.requireConfiguration(target);
        if (edit.where().isPresent() || edit.point().isPresent()) {
            throw invalid("edit " + edit.editId() + ": where and point are not supported below a mount");
        }
        final MountEdit.Operation operation = switch (edit.operation()) {
            case CREATE -> MountEdit.Operation.CREATE;
            case MERGE -> MountEdit.Operation.MERGE;
            case REPLACE -> MountEdit.Operation.REPLACE;
            case DELETE -> MountEdit.Operation.DELETE;
            case REMOVE -> MountEdit.Operation.REMOVE;
            case INSERT, MOVE -> throw invalid("edit " + edit.editId() + ": " + edit.operation().name()
                .toLowerCase(Locale.ROOT) + " is not supported below a mount: device edits carry no "
                + "position");
        };
        final boolean needsValue = operation == MountEdit.Operation.CREATE || operation == MountEdit.Operation.MERGE
            || operation == MountEdit.Operation.REPLACE;
        if (!needsValue) {
            if (edit.value().isPresent()) {
                throw invalid("edit " + edit.editId() + ": delete and remove take no value");
            }
            requireNotRoot(target, edit.operation().name().toLowerCase(Locale.ROOT));
            return new MountEdit(operation, target.path(), Optional.empty());
        }
        requireNotRoot(target, edit.operation().name().toLowerCase(Locale.ROOT));
        final String value = edit.value().orElseThrow(() -> invalid("edit " + edit.editId()
            + ": this operation needs a value"));
        return new MountEdit(operation, target.path(), Optional.of(reader.readResource(target, encoding,
            value.getBytes(StandardCharsets.UTF_8))));
    }

    private void edit(final MountEdit edit) throws RestconfException {
        mounted.call("editing", () -> {
            mounted.device().edit(List.of(edit));
            return Boolean.TRUE;
        });
    }

    private boolean exists(final YangInstanceIdentifier path) throws RestconfException {
        return mounted.call("reading", () -> mounted.device().read(new MountRead(path, MountRead.Content.CONFIG,
            Optional.of(1)))).isPresent();
    }

    private static void check(final Conditions conditions, final boolean exists) throws RestconfException {
        if (MountConditions.evaluate(conditions, exists, false) != Conditions.Outcome.PROCEED) {
            throw Conditions.failed();
        }
    }

    private static void requireNotRoot(final ApiPath target, final String what) throws RestconfException {
        if (target.isRoot()) {
            throw new RestconfException(405, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED, what
                + " of a mounted device's whole data is not supported; edit its top-level nodes"));
        }
    }

    private static RestconfException invalid(final String message) {
        return new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }
}
