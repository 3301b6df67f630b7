package org.sdqkd.etsi014.api;

import java.io.Serial;
import java.util.Map;

/**
 * A body or query that is not a valid ETSI GS QKD 014 data format: malformed JSON, a member of the wrong type, a
 * number out of range, too many members. The message says what is wrong; {@link #detail()} names the member at
 * fault and its value, as a KME reports it in its Error's {@code details}. Never holds key bytes.
 */
public final class Etsi014FormatException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String member;
    private final String value;

    /**
     * Makes the exception.
     *
     * @param message what is wrong
     * @param member  the member or parameter at fault, null when none
     * @param value   its value as given, null when none
     */
    public Etsi014FormatException(final String message, final String member, final String value) {
        super(message, null, false, false);
        this.member = member;
        this.value = value;
    }

    /**
     * Makes the exception without a member.
     *
     * @param message what is wrong
     */
    public Etsi014FormatException(final String message) {
        this(message, null, null);
    }

    /** The member at fault and its value, as one JSON object's members; empty when no single member is. */
    public Map<String, String> detail() {
        return member == null || value == null ? Map.of() : Map.of(member, value);
    }
}
