package org.sdqkd.controller.api;

/**
 * A controller configuration file that cannot be used: unreadable, not YAML, an unknown key, a value of the wrong type
 * or out of range, a file it names that cannot be read, or network data the models refuse. The message names the file
 * and the key ({@code ssh.known-hosts}, {@code network.node[0].netconf.port}) and never quotes a password.
 */
public final class ControllerConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An error with its message.
     *
     * @param message what is wrong, naming the file and the key
     */
    public ControllerConfigException(final String message) {
        super(message);
    }

    /**
     * An error with its message and cause.
     *
     * @param message what is wrong, naming the file and the key
     * @param cause   the underlying error
     */
    public ControllerConfigException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
