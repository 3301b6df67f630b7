package org.sdqkd.datastore.api;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * A transaction whose changes touch data that another commit changed since the transaction began: nothing was
 * applied, and running the whole transaction again on a fresh copy is the remedy. Reported as {@code in-use}, which
 * RESTCONF maps to 409 Conflict (RFC 8040 section 7).
 */
public final class TransactionConflictException extends DatastoreException {
    private static final long serialVersionUID = 1L;

    /**
     * A conflict at a node.
     *
     * @param path    the data path of the node changed by both
     * @param message what happened, for a person
     * @param cause   the underlying exception
     */
    public TransactionConflictException(final String path, final String message, final Throwable cause) {
        super(List.of(new ValidationError(ErrorType.APPLICATION, ErrorTag.IN_USE, Optional.empty(), path, message)),
            cause);
    }
}
