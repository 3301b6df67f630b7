package org.sdqkd.datastore.api;

import java.util.List;

/**
 * Data refused because it breaks the models: at a write (structure, unknown nodes) or at a commit, where the
 * exception carries every error the validation found (RFC 6241 section 8.6 {@code <validate>} semantics).
 */
public final class ValidationFailedException extends DatastoreException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal with every error found.
     *
     * @param errors at least one error
     */
    public ValidationFailedException(final List<ValidationError> errors) {
        super(errors, null);
    }

    /**
     * A refusal with every error found and the exception that reported them.
     *
     * @param errors at least one error
     * @param cause  the underlying exception
     */
    public ValidationFailedException(final List<ValidationError> errors, final Throwable cause) {
        super(errors, cause);
    }
}
