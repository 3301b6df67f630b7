package org.sdqkd.datastore.api;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * The datastores' files could not be read or written: the operation was not acknowledged and, for a commit,
 * changed nothing ({@code operation-failed}).
 */
public final class StorageException extends DatastoreException {
    private static final long serialVersionUID = 1L;

    /**
     * A storage failure.
     *
     * @param message what failed, for a person; never key material
     * @param cause   the underlying exception, or {@code null}
     */
    public StorageException(final String message, final Throwable cause) {
        super(List.of(new ValidationError(ErrorType.APPLICATION, ErrorTag.OPERATION_FAILED, Optional.empty(), "",
            message)), cause);
    }
}
