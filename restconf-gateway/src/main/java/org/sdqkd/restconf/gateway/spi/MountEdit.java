package org.sdqkd.restconf.gateway.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * One edit of a mounted device's configuration, as a RESTCONF method or a YANG Patch edit turns into it.
 *
 * @param operation what to do (RFC 6241 section 7.2 operations)
 * @param path      the data node edited, in the device's models
 * @param data      the new data for {@code create}, {@code merge} and {@code replace}; empty for {@code delete} and
 *                  {@code remove}
 */
public record MountEdit(Operation operation, YangInstanceIdentifier path, Optional<NormalizedNode> data) {
    /** The edit operations (RFC 6241 section 7.2). */
    public enum Operation {
        /** Create the node; the device refuses it with {@code data-exists} when it exists (POST). */
        CREATE,
        /** Merge into the node, creating it if absent (PATCH). */
        MERGE,
        /** Replace the node, creating it if absent (PUT). */
        REPLACE,
        /** Delete the node; the device refuses it with {@code data-missing} when absent (DELETE). */
        DELETE,
        /** Delete the node if present. */
        REMOVE
    }

    /**
     * An edit.
     *
     * @param operation what to do
     * @param path      the data node
     * @param data      the data, present exactly for create, merge and replace
     */
    public MountEdit {
        requireNonNull(operation);
        requireNonNull(path);
        requireNonNull(data);
        final boolean needsData = operation == Operation.CREATE || operation == Operation.MERGE
            || operation == Operation.REPLACE;
        if (needsData != data.isPresent()) {
            throw new IllegalArgumentException(operation + (needsData ? " needs data" : " takes no data"));
        }
    }
}
