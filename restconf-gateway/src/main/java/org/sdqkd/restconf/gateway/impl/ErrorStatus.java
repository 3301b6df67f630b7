package org.sdqkd.restconf.gateway.impl;

import java.util.Map;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/** The HTTP status of each error-tag, from the table of RFC 8040 section 7. */
final class ErrorStatus {
    private static final Map<ErrorTag, Integer> STATUS = Map.ofEntries(
        Map.entry(ErrorTag.IN_USE, 409),
        Map.entry(ErrorTag.INVALID_VALUE, 400),
        Map.entry(ErrorTag.TOO_BIG, 413),
        Map.entry(ErrorTag.MISSING_ATTRIBUTE, 400),
        Map.entry(ErrorTag.BAD_ATTRIBUTE, 400),
        Map.entry(ErrorTag.UNKNOWN_ATTRIBUTE, 400),
        Map.entry(ErrorTag.BAD_ELEMENT, 400),
        Map.entry(ErrorTag.UNKNOWN_ELEMENT, 400),
        Map.entry(ErrorTag.UNKNOWN_NAMESPACE, 400),
        Map.entry(ErrorTag.ACCESS_DENIED, 403),
        Map.entry(ErrorTag.LOCK_DENIED, 409),
        Map.entry(ErrorTag.RESOURCE_DENIED, 409),
        Map.entry(ErrorTag.ROLLBACK_FAILED, 500),
        Map.entry(ErrorTag.DATA_EXISTS, 409),
        Map.entry(ErrorTag.DATA_MISSING, 409),
        Map.entry(ErrorTag.OPERATION_NOT_SUPPORTED, 405),
        Map.entry(ErrorTag.OPERATION_FAILED, 500),
        Map.entry(ErrorTag.PARTIAL_OPERATION, 500),
        Map.entry(ErrorTag.MALFORMED_MESSAGE, 400),
        Map.entry(ErrorTag.MISSING_ELEMENT, 400));

    private ErrorStatus() {
        // no instances
    }

    /**
     * The status of an error-tag; 500 for one RFC 8040 does not list.
     *
     * @param tag the error-tag
     * @return the HTTP status
     */
    static int of(final ErrorTag tag) {
        return STATUS.getOrDefault(tag, 500);
    }
}
