package org.sdqkd.etsi014.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The Error data format (ETSI GS QKD 014 V1.1.1 section 6.5), the body of every refusal.
 *
 * @param message {@code message}: what went wrong
 * @param details {@code details}: JSON objects with more, empty when absent
 */
public record Etsi014Error(String message, List<Map<String, Object>> details) {
    /** Checks the components. */
    public Etsi014Error {
        requireNonNull(message, "message");
        details = JsonValues.objects(details);
    }

    /**
     * An Error without details.
     *
     * @param message the message
     * @return the Error
     */
    public static Etsi014Error of(final String message) {
        return new Etsi014Error(message, List.of());
    }
}
