package org.sdqkd.restconf.gateway.impl;

import java.util.List;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * A request that fails: the HTTP status and the errors of its {@code ietf-restconf:errors} body (RFC 8040 section
 * 7). Nothing was changed.
 */
final class RestconfException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<RestconfError> errors;

    /**
     * A failure with the status its first error-tag implies (RFC 8040 section 7).
     *
     * @param errors at least one error
     */
    RestconfException(final List<RestconfError> errors) {
        this(ErrorStatus.of(errors.getFirst().tag()), errors);
    }

    /**
     * A failure with a status of its own, for the cases where RFC 8040 names one.
     *
     * @param status the HTTP status
     * @param error  the error
     */
    RestconfException(final int status, final RestconfError error) {
        this(status, List.of(error));
    }

    /**
     * A failure with a status of its own and several errors.
     *
     * @param status the HTTP status
     * @param errors at least one error
     */
    RestconfException(final int status, final List<RestconfError> errors) {
        super(errors.getFirst().message());
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** A failure with one error, with the status its error-tag implies. */
    static RestconfException of(final RestconfError error) {
        return new RestconfException(List.of(error));
    }

    /** 415 Unsupported Media Type. */
    static RestconfException unsupportedMediaType(final String message) {
        return new RestconfException(415, RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }

    /** 400 with a malformed-message protocol error. */
    static RestconfException malformed(final String message) {
        return of(RestconfError.of(ErrorTag.MALFORMED_MESSAGE, message));
    }

    /** The HTTP status to answer. */
    int status() {
        return status;
    }

    /** The errors to report. */
    List<RestconfError> errors() {
        return errors;
    }
}
