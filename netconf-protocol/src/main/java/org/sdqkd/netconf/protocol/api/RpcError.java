package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * One {@code rpc-error} of an rpc-reply (RFC 6241 section 4.3), written in the element order of RFC 6241
 * appendix A and B: error-type, error-tag, error-severity, error-app-tag, error-path, error-message, error-info.
 *
 * @param type     the layer of the error: transport, rpc, protocol or application
 * @param tag      what went wrong, one of the tags of RFC 6241 appendix A
 * @param severity error or warning
 * @param appTag   the application's or model's more specific tag, if any
 * @param path     the node in error, if any
 * @param message  a description for a person, if any
 * @param info     the children of error-info, such as {@code bad-element} or {@code session-id}
 */
public record RpcError(ErrorType type, ErrorTag tag, ErrorSeverity severity, Optional<String> appTag,
        Optional<ErrorPath> path, Optional<ErrorMessage> message, List<ErrorInfo> info) {
    /** Checks and copies the components. */
    public RpcError {
        requireNonNull(type);
        requireNonNull(tag);
        requireNonNull(severity);
        requireNonNull(appTag);
        requireNonNull(path);
        requireNonNull(message);
        info = List.copyOf(info);
    }

    /**
     * An error with an English message and nothing else.
     *
     * @param type    the error-type
     * @param tag     the error-tag
     * @param message the error-message
     * @return the error
     */
    public static RpcError of(final ErrorType type, final ErrorTag tag, final String message) {
        return new RpcError(type, tag, ErrorSeverity.ERROR, Optional.empty(), Optional.empty(),
            Optional.of(ErrorMessage.english(message)), List.of());
    }

    /**
     * This error with another severity.
     *
     * @param newSeverity the severity
     * @return the changed copy
     */
    public RpcError withSeverity(final ErrorSeverity newSeverity) {
        return new RpcError(type, tag, newSeverity, appTag, path, message, info);
    }

    /**
     * This error with an error-app-tag.
     *
     * @param newAppTag the app-tag
     * @return the changed copy
     */
    public RpcError withAppTag(final String newAppTag) {
        return new RpcError(type, tag, severity, Optional.of(newAppTag), path, message, info);
    }

    /**
     * This error with an error-path.
     *
     * @param newPath the path
     * @return the changed copy
     */
    public RpcError withPath(final ErrorPath newPath) {
        return new RpcError(type, tag, severity, appTag, Optional.of(newPath), message, info);
    }

    /**
     * This error with more error-info children, after those it has.
     *
     * @param more the children to add
     * @return the changed copy
     */
    public RpcError withInfo(final ErrorInfo... more) {
        final List<ErrorInfo> all = new ArrayList<>(info);
        all.addAll(List.of(more));
        return new RpcError(type, tag, severity, appTag, path, message, all);
    }
}
