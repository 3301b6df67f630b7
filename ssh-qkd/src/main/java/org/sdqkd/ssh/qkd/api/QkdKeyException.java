package org.sdqkd.ssh.qkd.api;

import static java.util.Objects.requireNonNull;

import java.io.Serial;

/** A QKD key source could not give a key. The message says why; it never holds key bytes. */
public final class QkdKeyException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why no key was given. */
    public enum Reason {
        /**
         * The key source cannot be reached, did not answer in time, or has no key now (ETSI 014 status 503). The
         * only reason that may lead to a classical fallback, only where configured, and only from a client's own key
         * source.
         */
        UNAVAILABLE,
        /**
         * The key source refused the request: an unknown or already used key_ID, a key that belongs to another SAE, a
         * peer it does not know (ETSI 014 status 400 or 401).
         */
        REFUSED,
        /** The key source answered with something that is not a usable key: malformed, wrong size, wrong key_ID. */
        INVALID
    }

    private final Reason reason;

    /**
     * Makes the exception.
     *
     * @param reason  why no key was given
     * @param message what happened, without key bytes
     */
    public QkdKeyException(final Reason reason, final String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason");
    }

    /**
     * Makes the exception with its cause.
     *
     * @param reason  why no key was given
     * @param message what happened, without key bytes
     * @param cause   the underlying failure
     */
    public QkdKeyException(final Reason reason, final String message, final Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason, "reason");
    }

    /** Why no key was given. */
    public Reason reason() {
        return reason;
    }
}
