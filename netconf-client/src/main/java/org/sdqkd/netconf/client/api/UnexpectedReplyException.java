package org.sdqkd.netconf.client.api;

/**
 * The server's reply was not an error, but not what the operation returns either, such as {@code <ok/>} where
 * {@code <data>} was expected for {@code get-schema}.
 */
public final class UnexpectedReplyException extends NetconfClientException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for a reply of the wrong shape.
     *
     * @param message what was expected and what came
     */
    public UnexpectedReplyException(final String message) {
        super(message, null);
    }

    /**
     * An exception for a reply whose content could not be read as the operation asked.
     *
     * @param message what was expected and what came
     * @param cause   why it could not be read
     */
    public UnexpectedReplyException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
