package org.sdqkd.restconf.gateway.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * An RPC or action failed: the error the client gets (RFC 8040 section 7: its error-tag sets the HTTP status, for
 * example {@code invalid-value} 400, {@code operation-failed} 500, {@code resource-denied} 409).
 */
public final class OperationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The error-type. */
    private final ErrorType type;
    /** The error-tag. */
    private final ErrorTag tag;
    /** The error-app-tag, or null. */
    private final String appTag;

    /**
     * An application error.
     *
     * @param tag     the error-tag
     * @param message the error-message, for a person; it must not hold secrets
     */
    public OperationException(final ErrorTag tag, final String message) {
        this(ErrorType.APPLICATION, tag, Optional.empty(), message);
    }

    /**
     * An error with every part given.
     *
     * @param type    the error-type
     * @param tag     the error-tag
     * @param appTag  the error-app-tag, if any
     * @param message the error-message, for a person; it must not hold secrets
     */
    public OperationException(final ErrorType type, final ErrorTag tag, final Optional<String> appTag,
            final String message) {
        super(requireNonNull(message));
        this.type = requireNonNull(type);
        this.tag = requireNonNull(tag);
        this.appTag = appTag.orElse(null);
    }

    /** The error-type. */
    public ErrorType type() {
        return type;
    }

    /** The error-tag. */
    public ErrorTag tag() {
        return tag;
    }

    /** The error-app-tag, if any. */
    public Optional<String> appTag() {
        return Optional.ofNullable(appTag);
    }
}
