package org.sdqkd.datastore.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * An operation refused because of another session (RFC 6241 section 7.5): a {@code <lock>} that cannot be
 * granted ({@code lock-denied}), or a change to a datastore another session has locked ({@code in-use}). The
 * error-info of the reply carries {@link #holder()}'s session-id.
 */
public final class LockDeniedException extends DatastoreException {
    private static final long serialVersionUID = 1L;

    private final DatastoreName datastore;
    private final SessionId holder;

    private LockDeniedException(final ErrorTag tag, final DatastoreName datastore, final SessionId holder,
            final String message) {
        super(List.of(new ValidationError(ErrorType.PROTOCOL, tag, Optional.empty(), "", message)), null);
        this.datastore = requireNonNull(datastore);
        this.holder = requireNonNull(holder);
    }

    /**
     * A lock that cannot be granted ({@code lock-denied}).
     *
     * @param datastore the datastore to lock
     * @param holder    the session that holds its lock, or that has uncommitted changes in the candidate
     * @param reason    why, for a person
     */
    public static LockDeniedException lockDenied(final DatastoreName datastore, final SessionId holder,
            final String reason) {
        return new LockDeniedException(ErrorTag.LOCK_DENIED, datastore, holder, reason);
    }

    /**
     * A change refused because another session holds the datastore's lock ({@code in-use}).
     *
     * @param datastore the datastore to change
     * @param holder    the session that holds its lock
     */
    public static LockDeniedException inUse(final DatastoreName datastore, final SessionId holder) {
        return new LockDeniedException(ErrorTag.IN_USE, datastore, holder,
            "the " + datastore.yangName() + " datastore is locked by session " + holder.id());
    }

    /** The datastore the lock is on. */
    public DatastoreName datastore() {
        return datastore;
    }

    /** The session that stands in the way: the lock holder, or the author of uncommitted candidate changes. */
    public SessionId holder() {
        return holder;
    }
}
