package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A YANG Patch (RFC 8072 section 2.2, the {@code ietf-yang-patch:yang-patch} structure) as read from a request: the
 * edits in order, each with its value still in the request's encoding, to be read at the edit's target.
 *
 * @param patchId the patch-id
 * @param edits   the edits, in order
 */
record YangPatch(String patchId, List<Edit> edits) {
    YangPatch {
        requireNonNull(patchId);
        edits = List.copyOf(edits);
    }

    /** The edit operations (RFC 8072 section 2.5). */
    enum Operation {
        /** Creates the target; data-exists if it exists. */
        CREATE,
        /** Deletes the target; data-missing if it does not exist. */
        DELETE,
        /** Inserts a new entry into an ordered-by-user list at a position. */
        INSERT,
        /** Merges the value into the target. */
        MERGE,
        /** Moves an existing entry of an ordered-by-user list to a position. */
        MOVE,
        /** Creates or replaces the target. */
        REPLACE,
        /** Deletes the target if it exists. */
        REMOVE
    }

    /**
     * One edit.
     *
     * @param editId    the edit-id
     * @param operation the operation
     * @param target    the target, a data resource identifier relative to the request's target ({@code /} for it)
     * @param value     the value's text in the request's encoding: a JSON object with one member, or one XML element
     * @param where     where insert and move place the entry ({@code first}, {@code last}, {@code before},
     *                  {@code after}), if given
     * @param point     the entry they place it before or after, relative like the target, if given
     */
    record Edit(String editId, Operation operation, String target, Optional<String> value, Optional<String> where,
            Optional<String> point) {
        Edit {
            requireNonNull(editId);
            requireNonNull(operation);
            requireNonNull(target);
            requireNonNull(value);
            requireNonNull(where);
            requireNonNull(point);
        }
    }
}
