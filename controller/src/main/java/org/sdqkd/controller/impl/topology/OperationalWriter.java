package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.TransactionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes topology updates into the controller's operational datastore, each in one transaction: a link's entry is
 * replaced whole (it is the topology's own), a node's {@code state/qkdn-status} is merged beside the connection
 * state other parts of the controller keep there. A transaction that meets another commit on the same nodes is
 * redone.
 */
final class OperationalWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OperationalWriter.class);
    private static final int ATTEMPTS = 5;

    private final Datastores datastores;
    private final TopologyEncoder encoder;

    OperationalWriter(final Datastores datastores, final TopologyEncoder encoder) {
        this.datastores = requireNonNull(datastores);
        this.encoder = requireNonNull(encoder);
    }

    /**
     * Writes an update.
     *
     * @param update the changes
     * @return whether they were written
     */
    boolean write(final TopologyUpdate update) {
        if (update.links().isEmpty() && update.removed().isEmpty() && update.nodeStatus().isEmpty()) {
            return true;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (DataTransaction tx = datastores.newTransaction(DatastoreName.OPERATIONAL, SessionId.SYSTEM)) {
                for (ShownLink link : update.links()) {
                    tx.merge(encoder.networkPath(), encoder.networkWithLink(link.id()));
                    tx.write(encoder.linkPath(link.id()), encoder.link(link));
                }
                for (LinkId link : update.removed()) {
                    tx.delete(encoder.linkPath(link));
                }
                if (!update.nodeStatus().isEmpty()) {
                    tx.merge(encoder.networkPath(), encoder.nodeStatus(update.nodeStatus()));
                }
                tx.commit();
                return true;
            } catch (TransactionConflictException e) {
                LOG.debug("topology update met another commit (attempt {}): {}", attempt, e.getMessage());
            } catch (DatastoreException e) {
                LOG.warn("the topology update was refused by the operational datastore: {}", e.getMessage());
                return false;
            }
        }
        LOG.warn("the topology update met other commits {} times in a row; it is retried with the next one",
            ATTEMPTS);
        return false;
    }
}
