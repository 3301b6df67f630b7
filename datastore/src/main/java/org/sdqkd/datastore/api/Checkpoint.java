package org.sdqkd.datastore.api;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.Datastores;

/**
 * The content of the running datastore at one moment, to go back to with
 * {@link Datastores#rollback(Checkpoint, SessionId)}: what a confirmed commit (RFC 6241 section 8.4) reverts to
 * when it is not confirmed in time.
 *
 * @param sequence how many changes running had seen since the datastores were opened, when taken
 * @param running  the whole content of running
 */
public record Checkpoint(long sequence, ContainerNode running) {
    public Checkpoint {
        requireNonNull(running);
    }
}
