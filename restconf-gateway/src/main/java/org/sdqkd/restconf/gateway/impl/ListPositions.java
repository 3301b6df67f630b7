package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.ValidationFailedException;

/**
 * Places an entry of an ordered-by-user list or leaf-list at a position (RFC 8040 sections 4.8.5 and 4.8.6, RFC 8072
 * insert and move). The datastore keeps such a list in the order it was written, and a new entry written on its own
 * goes last; so to place one elsewhere the whole list is written again, in the new order, in the same transaction.
 */
final class ListPositions {
    private final ModelCodecs codecs;

    ListPositions(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
    }

    /**
     * Checks that an entry path names an entry of an ordered-by-user list or leaf-list.
     *
     * @param entry the entry's path
     * @throws RestconfException 400 invalid-value otherwise (insert and point apply to those only)
     */
    void requireOrdered(final YangInstanceIdentifier entry) throws RestconfException {
        final DataSchemaNode node = entry.isEmpty() ? null : codecs.tree().findChild(entry)
            .map(DataSchemaContext::dataSchemaNode).orElse(null);
        final boolean ordered = node instanceof ListSchemaNode list ? list.isUserOrdered()
            : node instanceof LeafListSchemaNode leafList && leafList.isUserOrdered();
        final boolean entryStep = !entry.isEmpty() && !(entry.getLastPathArgument() instanceof NodeIdentifier);
        if (!ordered || !entryStep) {
            throw new RestconfException(400, RestconfError.at(ErrorTag.INVALID_VALUE, entry,
                "insert and point apply to entries of ordered-by user lists and leaf-lists only (RFC 8040 section "
                    + "4.8.5)"));
        }
    }

    /**
     * Writes a node where it belongs; a leaf-list value whose leaf-list does not exist yet is written with its
     * leaf-list around it (the data tree creates a missing list for a list entry, but not for a leaf-list value).
     *
     * @param tx   the transaction
     * @param path the node's path
     * @param data the node
     * @throws ValidationFailedException when the datastore refuses it
     */
    static void write(final DataTransaction tx, final YangInstanceIdentifier path, final NormalizedNode data)
            throws ValidationFailedException {
        if (data instanceof LeafSetEntryNode<?> && tx.read(path.coerceParent()).isEmpty()) {
            tx.write(path.coerceParent(), rebuild(path.coerceParent(), List.of(data)));
        } else {
            tx.write(path, data);
        }
    }

    /**
     * Writes an entry at a position, replacing the entry with the same key or value if there is one.
     *
     * @param tx        the transaction
     * @param entry     the entry's path
     * @param data      the entry
     * @param insertion where it goes
     * @throws RestconfException 400 bad-attribute (error-app-tag missing-instance) when the point is not an entry of
     *                           the list, invalid-value when the point is the entry itself or in another list
     * @throws ValidationFailedException when the datastore refuses the list
     */
    void place(final DataTransaction tx, final YangInstanceIdentifier entry, final NormalizedNode data,
            final Insertion insertion) throws RestconfException, ValidationFailedException {
        requireOrdered(entry);
        final YangInstanceIdentifier listPath = entry.coerceParent();
        final List<NormalizedNode> entries = new ArrayList<>();
        final Optional<NormalizedNode> current = tx.read(listPath);
        if (current.orElse(null) instanceof NormalizedNodeContainer<?> list) {
            for (NormalizedNode child : list.body()) {
                if (!child.name().equals(entry.getLastPathArgument())) {
                    entries.add(child);
                }
            }
        }
        final int index = switch (insertion.where()) {
            case FIRST -> 0;
            case LAST -> entries.size();
            case BEFORE -> indexOf(entries, entry, insertion);
            case AFTER -> indexOf(entries, entry, insertion) + 1;
        };
        entries.add(index, data);
        tx.write(listPath, rebuild(listPath, entries));
    }

    private static int indexOf(final List<NormalizedNode> entries, final YangInstanceIdentifier entry,
            final Insertion insertion) throws RestconfException {
        final YangInstanceIdentifier point = insertion.point().orElseThrow();
        if (point.isEmpty() || !entry.coerceParent().equals(point.coerceParent())) {
            throw new RestconfException(400, RestconfError.at(ErrorTag.INVALID_VALUE, point,
                "the point must be an entry of the same list as the target (RFC 8040 section 4.8.6)"));
        }
        if (point.equals(entry)) {
            throw new RestconfException(400, RestconfError.at(ErrorTag.INVALID_VALUE, point,
                "the point is the entry being placed"));
        }
        final PathArgument key = point.getLastPathArgument();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(key)) {
                return i;
            }
        }
        throw new RestconfException(400, new RestconfError(ErrorType.PROTOCOL, ErrorTag.BAD_ATTRIBUTE,
            Optional.of("missing-instance"), Optional.of(point),
            "the point is not an entry of the list (RFC 7950 section 15.7)"));
    }

    private static NormalizedNode rebuild(final YangInstanceIdentifier listPath, final List<NormalizedNode> entries) {
        final NodeIdentifier name = (NodeIdentifier) listPath.getLastPathArgument();
        if (!entries.isEmpty() && entries.get(0) instanceof LeafSetEntryNode<?>) {
            final var builder = ImmutableNodes.newUserLeafSetBuilder().withNodeIdentifier(name);
            entries.forEach(child -> builder.withChild((LeafSetEntryNode) child));
            return builder.build();
        }
        final var builder = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(name);
        entries.forEach(child -> builder.withChild((MapEntryNode) child));
        return builder.build();
    }
}
