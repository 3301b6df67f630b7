package org.sdqkd.restconf.gateway.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * A mount point could not be used, or its device refused a request: the error the client gets (RFC 8040 section 7;
 * the error-tag sets the HTTP status). A device's rpc-error keeps its type, tag, app-tag and message, and its
 * error-path in the device's models, which the gateway writes in the device's module namespaces.
 */
public final class MountException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The error-type. */
    private final ErrorType type;
    /** The error-tag. */
    private final ErrorTag tag;
    /** The error-app-tag, or null. */
    private final String appTag;
    /** The error-path in the device's models, or null. */
    private final transient YangInstanceIdentifier errorPath;

    /**
     * An application error without a path.
     *
     * @param tag     the error-tag
     * @param message the error-message, for a person; it must not hold secrets
     */
    public MountException(final ErrorTag tag, final String message) {
        this(ErrorType.APPLICATION, tag, Optional.empty(), Optional.empty(), message);
    }

    /**
     * An error with every part given.
     *
     * @param type      the error-type
     * @param tag       the error-tag
     * @param appTag    the error-app-tag, if any
     * @param errorPath the error-path, in the device's models, if any
     * @param message   the error-message, for a person; it must not hold secrets
     */
    public MountException(final ErrorType type, final ErrorTag tag, final Optional<String> appTag,
            final Optional<YangInstanceIdentifier> errorPath, final String message) {
        super(requireNonNull(message));
        this.type = requireNonNull(type);
        this.tag = requireNonNull(tag);
        this.appTag = appTag.orElse(null);
        this.errorPath = errorPath.orElse(null);
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

    /** The error-path in the device's models, if any. */
    public Optional<YangInstanceIdentifier> errorPath() {
        return Optional.ofNullable(errorPath);
    }
}
