package org.sdqkd.datastore.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A datastore operation that failed and changed nothing. It carries the RFC 6241 {@code rpc-error}s to report;
 * an error that concerns no data node (a lock, a file) has an empty {@link ValidationError#path()}.
 */
public abstract sealed class DatastoreException extends Exception
        permits LockDeniedException, ValidationFailedException, TransactionConflictException, StorageException,
            OperationFailedException {
    private static final long serialVersionUID = 1L;

    private final transient List<ValidationError> errors;

    /**
     * A failure with its errors.
     *
     * @param errors at least one error
     * @param cause  the underlying exception, or {@code null}
     */
    protected DatastoreException(final List<ValidationError> errors, final Throwable cause) {
        super(errors.stream().map(ValidationError::toString).collect(Collectors.joining("; ")), cause);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every error to report, in the order found. */
    public final List<ValidationError> errors() {
        return errors;
    }
}
