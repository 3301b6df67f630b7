package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

/**
 * A {@link DataReader} refused the {@code <data>} of a reply, or failed on it, although the reply was well-formed
 * and has been read whole (so the next message can be read).
 */
public final class DataReaderException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageId;

    /**
     * An exception for a reader's failure.
     *
     * @param messageId the message-id of the reply
     * @param cause     what the reader threw
     */
    public DataReaderException(final String messageId, final Throwable cause) {
        super("the data of reply " + messageId + " was refused by its reader: " + cause, cause);
        this.messageId = requireNonNull(messageId);
    }

    /** The message-id of the reply whose data was refused. */
    public String messageId() {
        return messageId;
    }
}
