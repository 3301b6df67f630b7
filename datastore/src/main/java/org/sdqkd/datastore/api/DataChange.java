package org.sdqkd.datastore.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * What one commit did to a subtree a {@link DataChangeListener} listens to.
 *
 * @param datastore the datastore that changed
 * @param path      the subtree listened to
 * @param before    its data before the commit, empty when it did not exist
 * @param after     its data after the commit, empty when it was deleted
 * @param changedBy the session whose operation made the change
 */
public record DataChange(DatastoreName datastore, YangInstanceIdentifier path, Optional<NormalizedNode> before,
        Optional<NormalizedNode> after, SessionId changedBy) {
    public DataChange {
        requireNonNull(datastore);
        requireNonNull(path);
        requireNonNull(before);
        requireNonNull(after);
        requireNonNull(changedBy);
    }
}
