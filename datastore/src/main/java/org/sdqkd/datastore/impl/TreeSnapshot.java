package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeSnapshot;
import org.sdqkd.datastore.api.DataSnapshot;
import org.sdqkd.datastore.api.DatastoreName;

/**
 * A datastore snapshot over a yangtools data tree snapshot.
 *
 * @param datastore the datastore
 * @param snapshot  the data tree's snapshot
 */
record TreeSnapshot(DatastoreName datastore, DataTreeSnapshot snapshot) implements DataSnapshot {
    TreeSnapshot {
        requireNonNull(datastore);
        requireNonNull(snapshot);
    }

    @Override
    public Optional<NormalizedNode> read(final YangInstanceIdentifier path) {
        return snapshot.readNode(path);
    }

    @Override
    public ContainerNode root() {
        return (ContainerNode) snapshot.readNode(YangInstanceIdentifier.of()).orElseThrow();
    }
}
