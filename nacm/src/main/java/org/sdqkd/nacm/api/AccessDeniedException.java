package org.sdqkd.nacm.api;

import static java.util.Objects.requireNonNull;

import java.io.Serial;
import java.util.Optional;

/**
 * A request refused by access control: the RFC 6241 {@code access-denied} error (error-type {@code application} for
 * data, {@code protocol} for an operation), naming the data node, when there is one, in the form
 * {@code /module:node/list[key='value']}.
 */
public final class AccessDeniedException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Optional<String> path;

    /**
     * Creates the exception.
     *
     * @param message what was refused
     * @param path the data node refused, if the request was about data
     */
    public AccessDeniedException(final String message, final Optional<String> path) {
        super(requireNonNull(message));
        this.path = requireNonNull(path);
    }

    /** The path of the data node whose access was refused; empty for a protocol operation. */
    public Optional<String> path() {
        return path;
    }
}
