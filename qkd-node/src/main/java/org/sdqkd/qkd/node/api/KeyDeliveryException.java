package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A refused ETSI GS QKD 014 request. Its {@link Kind} maps onto the standard's HTTP status codes; the message and
 * details become the Error data format (section 6.5). Never carries key bytes.
 */
public final class KeyDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Kind {
        /** 400: the request is malformed or asks for something that does not exist. */
        BAD_REQUEST(400),
        /** 401: the SAE may not do this. */
        UNAUTHORIZED(401),
        /** 503: the KME cannot serve it now (too few keys, the peer KME unreachable). */
        UNAVAILABLE(503);

        private final int httpStatus;

        Kind(final int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The HTTP status code of ETSI GS QKD 014 section 5. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final transient List<Map<String, String>> details;

    /**
     * A refusal.
     *
     * @param kind    why
     * @param message the Error's {@code message}
     * @param details the Error's {@code details}: objects of string members, may be empty
     */
    public KeyDeliveryException(final Kind kind, final String message, final List<Map<String, String>> details) {
        super(requireNonNull(message));
        this.kind = requireNonNull(kind);
        this.details = List.copyOf(details);
    }

    /** A refusal without details. */
    public KeyDeliveryException(final Kind kind, final String message) {
        this(kind, message, List.of());
    }

    /** Why the request was refused. */
    public Kind kind() {
        return kind;
    }

    /** The Error's {@code details}. */
    public List<Map<String, String>> details() {
        return details;
    }
}
