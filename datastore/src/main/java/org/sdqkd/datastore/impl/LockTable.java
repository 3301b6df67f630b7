package org.sdqkd.datastore.impl;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.LockDeniedException;
import org.sdqkd.datastore.api.OperationFailedException;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.ValidationError;

/**
 * Who holds the lock of each configuration datastore (RFC 6241 section 7.5), and which sessions have made
 * uncommitted changes to the candidate. Not thread-safe: the datastores call it under their commit monitor.
 */
final class LockTable {
    private final Map<DatastoreName, SessionId> holders = new EnumMap<>(DatastoreName.class);
    private final Set<SessionId> candidateAuthors = new LinkedHashSet<>();

    /**
     * Grants a lock.
     *
     * @throws LockDeniedException      when any session holds it already, or the target is the candidate and
     *                                  another session has uncommitted changes in it
     * @throws OperationFailedException for the operational datastore, which has no lock
     */
    void lock(final DatastoreName datastore, final SessionId session)
            throws LockDeniedException, OperationFailedException {
        requireLockable(datastore);
        final SessionId holder = holders.get(datastore);
        if (holder != null) {
            throw LockDeniedException.lockDenied(datastore, holder, "the " + datastore.yangName()
                + " datastore is already locked by session " + holder.id());
        }
        if (datastore == DatastoreName.CANDIDATE) {
            final Optional<SessionId> author = candidateAuthors.stream().filter(a -> !a.equals(session)).findFirst();
            if (author.isPresent()) {
                throw LockDeniedException.lockDenied(datastore, author.orElseThrow(),
                    "the candidate has uncommitted changes made by session " + author.orElseThrow().id());
            }
        }
        holders.put(datastore, session);
    }

    /**
     * Releases a lock held by a session.
     *
     * @throws OperationFailedException when the session does not hold it
     */
    void unlock(final DatastoreName datastore, final SessionId session) throws OperationFailedException {
        requireLockable(datastore);
        if (!session.equals(holders.get(datastore))) {
            throw new OperationFailedException(ValidationError.of(ErrorTag.OPERATION_FAILED, "",
                "session " + session.id() + " does not hold the lock of the " + datastore.yangName() + " datastore"));
        }
        holders.remove(datastore);
    }

    /**
     * Checks that a session may change a datastore.
     *
     * @throws LockDeniedException ({@code in-use}) when another session holds its lock
     */
    void checkWritable(final DatastoreName datastore, final SessionId session) throws LockDeniedException {
        final SessionId holder = holders.get(datastore);
        if (holder != null && !holder.equals(session)) {
            throw LockDeniedException.inUse(datastore, holder);
        }
    }

    /**
     * Releases every lock of a session.
     *
     * @return whether it held the candidate's lock
     */
    boolean release(final SessionId session) {
        final boolean heldCandidate = session.equals(holders.get(DatastoreName.CANDIDATE));
        holders.values().removeIf(session::equals);
        return heldCandidate;
    }

    /** Notes that a session changed the candidate. */
    void candidateChangedBy(final SessionId session) {
        candidateAuthors.add(session);
    }

    /** Notes that the candidate equals running again (committed or discarded). */
    void candidateSettled() {
        candidateAuthors.clear();
    }

    /** Whether the candidate has uncommitted changes. */
    boolean candidateModified() {
        return !candidateAuthors.isEmpty();
    }

    private static void requireLockable(final DatastoreName datastore) throws OperationFailedException {
        if (!datastore.isConfiguration()) {
            throw new OperationFailedException(new ValidationError(ErrorType.PROTOCOL,
                ErrorTag.OPERATION_NOT_SUPPORTED, Optional.empty(), "",
                "the " + datastore.yangName() + " datastore cannot be locked"));
        }
    }
}
