package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;
import static org.sdqkd.netconf.server.impl.agent.Args.CONFIGURATION;
import static org.sdqkd.netconf.server.impl.agent.Args.TARGET;

import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.XmlElement;

/**
 * RFC 6241 {@code lock} and {@code unlock} (sections 7.5 and 7.6) of a configuration datastore; running cannot be
 * locked while a confirmed commit is pending (section 8.4.1). The locks held are remembered for monitoring.
 */
final class LockOperations {
    private static final ReplyContent OK = new ReplyContent.Ok();

    private final Datastores datastores;
    private final ConfirmedCommits confirmedCommits;
    private final HeldLocks locks;

    /**
     * Creates the handler.
     *
     * @param datastores the datastores, which enforce the locks
     * @param confirmedCommits whether a confirmed commit is pending
     * @param locks the locks as monitoring reports them
     */
    LockOperations(final Datastores datastores, final ConfirmedCommits confirmedCommits, final HeldLocks locks) {
        this.datastores = requireNonNull(datastores);
        this.confirmedCommits = requireNonNull(confirmedCommits);
        this.locks = requireNonNull(locks);
    }

    /** RFC 6241 section 7.5 {@code lock}. */
    ReplyContent lock(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final DatastoreName target = Args.of(operation, Set.of(TARGET)).datastore(TARGET, CONFIGURATION);
        if (target == DatastoreName.RUNNING && confirmedCommits.isPending()) {
            // RFC 6241 section 8.4.1: the running lock is refused while a confirmed commit is pending
            throw new OperationException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.LOCK_DENIED,
                    "a confirmed commit is pending; running cannot be locked until it is confirmed or cancelled")
                .withInfo(ErrorInfo.sessionId(0)));
        }
        datastores.lock(target, session.id());
        locks.locked(target, session.id());
        return OK;
    }

    /** RFC 6241 section 7.6 {@code unlock}. */
    ReplyContent unlock(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final DatastoreName target = Args.of(operation, Set.of(TARGET)).datastore(TARGET, CONFIGURATION);
        datastores.unlock(target, session.id());
        locks.unlocked(target);
        return OK;
    }
}
