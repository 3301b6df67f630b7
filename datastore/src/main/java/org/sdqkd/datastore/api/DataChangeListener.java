package org.sdqkd.datastore.api;

import org.sdqkd.datastore.Datastores;

/**
 * Told about the commits that change a subtree of a datastore (registered with
 * {@link Datastores#listen(DatastoreName, org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier,
 * DataChangeListener)}).
 */
@FunctionalInterface
public interface DataChangeListener {
    /**
     * Called after a commit changed the subtree, on the datastores' notification thread, in commit order and
     * never concurrently with another call to the same listener. The commit is already durable. A listener
     * that throws is logged and keeps its registration.
     *
     * @param change the subtree before and after the commit
     */
    void onDataChanged(DataChange change);
}
