package org.sdqkd.datastore.api;

import java.util.List;

/**
 * An operation refused for a reason other than locks, validation, conflicts or storage: a datastore it does not
 * apply to ({@code operation-not-supported}), or an unlock without the lock ({@code operation-failed}).
 */
public final class OperationFailedException extends DatastoreException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal with its error.
     *
     * @param error what is wrong
     */
    public OperationFailedException(final ValidationError error) {
        super(List.of(error), null);
    }

    /**
     * A refusal with its error and the exception that reported it.
     *
     * @param error what is wrong
     * @param cause the underlying exception
     */
    public OperationFailedException(final ValidationError error, final Throwable cause) {
        super(List.of(error), cause);
    }
}
