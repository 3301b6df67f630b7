package org.sdqkd.features;

/**
 * A configuration file that cannot be used: unreadable, not YAML, an unknown key, a value of the wrong type or out of
 * range. The message names the file and the key, and never quotes a password or password hash.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An error with its message.
     *
     * @param message what is wrong, naming the file and the key
     */
    public ConfigException(final String message) {
        super(message);
    }

    /**
     * An error with its message and cause.
     *
     * @param message what is wrong, naming the file and the key
     * @param cause   the underlying error
     */
    public ConfigException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
