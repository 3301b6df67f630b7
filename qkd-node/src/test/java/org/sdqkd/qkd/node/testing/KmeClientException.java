package org.sdqkd.qkd.node.testing;

import java.util.List;
import java.util.Map;

/**
 * A KME's refusal as {@link KmeClient} received it: the HTTP status and the ETSI GS QKD 014 Error body (section 6.5).
 */
public final class KmeClientException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorMessage;
    private final transient List<Map<String, Object>> details;
    private final String body;

    /**
     * A refusal.
     *
     * @param status       the HTTP status
     * @param errorMessage the Error's {@code message}, empty when the body had none
     * @param details      the Error's {@code details}, empty when absent
     * @param body         the whole response body
     */
    public KmeClientException(final int status, final String errorMessage, final List<Map<String, Object>> details,
            final String body) {
        super("HTTP " + status + ": " + errorMessage);
        this.status = status;
        this.errorMessage = errorMessage;
        this.details = List.copyOf(details);
        this.body = body;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The Error's {@code message}. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The Error's {@code details}. */
    public List<Map<String, Object>> details() {
        return details;
    }

    /** The response body as received. */
    public String body() {
        return body;
    }
}
