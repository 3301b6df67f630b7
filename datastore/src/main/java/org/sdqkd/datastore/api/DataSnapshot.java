package org.sdqkd.datastore.api;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/** The immutable content of one datastore at one moment. Cheap to take, safe to share between threads. */
public interface DataSnapshot {
    /** The datastore this is a snapshot of. */
    DatastoreName datastore();

    /**
     * The data at a path.
     *
     * @param path where, {@link YangInstanceIdentifier#of()} for the whole content
     * @return the node, or empty when there is none
     */
    Optional<NormalizedNode> read(YangInstanceIdentifier path);

    /** The whole content: the datastore root, whose children are the top-level nodes. */
    ContainerNode root();
}
