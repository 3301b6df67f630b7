package org.sdqkd.controller.impl.topology;

import java.io.Serial;

/** A node sent data or a notification that cannot be read as the models' bindings; the message says what. */
final class NodeDataException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    NodeDataException(final String message) {
        super(message);
    }

    NodeDataException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
