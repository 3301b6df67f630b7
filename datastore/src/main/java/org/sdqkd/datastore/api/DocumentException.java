package org.sdqkd.datastore.api;

import static java.util.Objects.requireNonNull;

/** An instance document that cannot be read into YANG data: malformed, or breaking the model. */
public final class DocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ValidationError error;

    /**
     * A failure with its error.
     *
     * @param error what is wrong and where
     * @param cause the parser's exception
     */
    public DocumentException(final ValidationError error, final Throwable cause) {
        super(error.toString(), cause);
        this.error = requireNonNull(error);
    }

    /** What is wrong and where. */
    public ValidationError error() {
        return error;
    }
}
