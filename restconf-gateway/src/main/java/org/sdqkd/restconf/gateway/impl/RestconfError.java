package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * One {@code error} of an {@code ietf-restconf:errors} body (RFC 8040 section 7.1).
 *
 * @param type    the error-type
 * @param tag     the error-tag
 * @param appTag  the error-app-tag, if any
 * @param path    the data node the error is about, written as the encoding's instance identifier
 * @param message the error-message, for a person
 */
record RestconfError(ErrorType type, ErrorTag tag, Optional<String> appTag, Optional<YangInstanceIdentifier> path,
        String message) {
    RestconfError {
        requireNonNull(type);
        requireNonNull(tag);
        requireNonNull(appTag);
        requireNonNull(path);
        requireNonNull(message);
    }

    /** A protocol error (about the request itself) without path. */
    static RestconfError of(final ErrorTag tag, final String message) {
        return new RestconfError(ErrorType.PROTOCOL, tag, Optional.empty(), Optional.empty(), message);
    }

    /** An application error (about the data) at a path. */
    static RestconfError at(final ErrorTag tag, final YangInstanceIdentifier path, final String message) {
        return new RestconfError(ErrorType.APPLICATION, tag, Optional.empty(), Optional.of(path), message);
    }
}
