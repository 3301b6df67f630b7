package org.sdqkd.controller.impl.schema;

/**
 * A module's source could not be had: the device refused or failed get-schema, or its text is too large or not YANG.
 */
public final class SchemaSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception.
     *
     * @param message what went wrong, naming the module
     * @param cause   the cause, or null
     */
    public SchemaSourceException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
