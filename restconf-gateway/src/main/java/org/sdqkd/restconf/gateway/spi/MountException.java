package org.sdqkd.restconf.gateway.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * A mount point could not be used, or its device refused a request: the error the client gets (RFC 8040 section 7;
 * the error-tag sets the HTTP status). A device's rpc-error keeps its type, tag, app-tag and message, and its
 * error-path in the device's models, which the gateway writes in the device's module namespaces, after the mount
 * point's path and {@code /yang-ext:mount}.
 *
 * <p>The status: that of the error-tag in the table of RFC 8040 section 7 (for example {@code invalid-value} 400,
 * {@code data-exists}, {@code in-use} and {@code resource-denied} 409, {@code operation-failed} 500), with two
 * exceptions: {@code data-missing} answers 404 (there is no such node, or nothing is mounted there), and any error
 * of type {@link ErrorType#TRANSPORT} answers 503 Service Unavailable: use it for a device that cannot be reached now
 * (not connected, session lost), so that a client can tell it from a refusal and retry later.
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
