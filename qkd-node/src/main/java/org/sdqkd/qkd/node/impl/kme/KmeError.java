package org.sdqkd.qkd.node.impl.kme;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.sdqkd.etsi014.api.Etsi014Error;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.qkd.node.api.KeyDeliveryException;

/**
 * A request the KME answers with an ETSI GS QKD 014 Error (section 6.5): its HTTP status, message and details.
 * Made for control flow, so it carries no stack trace.
 */
final class KmeError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Map<String, String>> details;

    KmeError(final int status, final String message, final List<Map<String, String>> details) {
        super(requireNonNull(message), null, false, false);
        this.status = status;
        this.details = List.copyOf(details);
    }

    /** A 400 with one detail. */
    static KmeError badRequest(final String message, final String member, final String value) {
        return new KmeError(400, message, List.of(Map.of(member, value)));
    }

    /** A 400 without details. */
    static KmeError badRequest(final String message) {
        return new KmeError(400, message, List.of());
    }

    /** A 400 for a request that is not a valid ETSI data format. */
    static KmeError of(final Etsi014FormatException refusal) {
        return new KmeError(400, refusal.getMessage(), refusal.detail().isEmpty() ? List.of()
            : List.of(refusal.detail()));
    }

    /** The Error body. */
    Etsi014Error body() {
        return new Etsi014Error(getMessage(), details.stream().<Map<String, Object>>map(Map::copyOf).toList());
    }

    /** The Error of a refusal by the key plane. */
    static KmeError of(final KeyDeliveryException refusal) {
        return new KmeError(refusal.kind().httpStatus(), refusal.getMessage(), refusal.details());
    }

    /** The HTTP status. */
    int status() {
        return status;
    }

    /** The Error's details. */
    List<Map<String, String>> details() {
        return details;
    }
}
