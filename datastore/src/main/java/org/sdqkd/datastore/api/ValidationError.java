package org.sdqkd.datastore.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * One reason why data is not valid, in the terms of an RFC 6241 {@code rpc-error}, so that a NETCONF
 * server or a RESTCONF gateway can send it unchanged.
 *
 * @param type    the RFC 6241 error-type (application for data that breaks the model)
 * @param tag     the RFC 6241 error-tag, such as {@code invalid-value} or {@code data-missing}
 * @param appTag  the error-app-tag, where RFC 7950 or the model names one
 * @param path    the data path of the offending node, in the instance-identifier form of RFC 7950
 *                section 9.13 with module names as prefixes ({@code /module:top/list[key='v']/leaf})
 * @param message what is wrong, for a person
 */
public record ValidationError(ErrorType type, ErrorTag tag, Optional<String> appTag, String path, String message) {
    public ValidationError {
        requireNonNull(type);
        requireNonNull(tag);
        requireNonNull(appTag);
        requireNonNull(path);
        requireNonNull(message);
    }

    /** An application error without app-tag. */
    public static ValidationError of(final ErrorTag tag, final String path, final String message) {
        return new ValidationError(ErrorType.APPLICATION, tag, Optional.empty(), path, message);
    }

    @Override
    public String toString() {
        return path + ": " + message + " (" + tag.elementBody() + appTag.map(t -> ", " + t).orElse("") + ")";
    }
}
