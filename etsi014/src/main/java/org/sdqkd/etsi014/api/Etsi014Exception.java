package org.sdqkd.etsi014.api;

import static java.util.Objects.requireNonNull;

import java.io.Serial;
import java.util.Optional;

/**
 * An ETSI GS QKD 014 call that gave no answer to use: the KME refused it (with its HTTP status and, when it sent an
 * Error, its message), did not answer in time, could not be reached or authenticated, or answered with something
 * that is not the data format asked for. The message names the operation, KME and SAE; it never holds key bytes.
 */
public final class Etsi014Exception extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Failure {
        /** The KME answered with an HTTP status other than 200: see {@link #httpStatus()} and {@link #kmeError()}. */
        HTTP_STATUS,
        /** No whole answer came within the client's timeout. */
        TIMEOUT,
        /** The KME could not be connected to, or the connection broke. */
        UNREACHABLE,
        /** The TLS handshake failed: the KME's certificate is not trusted, or it refused ours. */
        TLS,
        /** The answer is not the data format asked for, or is larger than the request can produce. */
        MALFORMED,
        /** The client is closed. */
        CLOSED
    }

    private final Failure failure;
    private final int httpStatus;
    private final transient Etsi014Error kmeError;

    /**
     * Makes the exception.
     *
     * @param failure    what went wrong
     * @param httpStatus the HTTP status for {@link Failure#HTTP_STATUS}, else 0
     * @param kmeError   the KME's Error body, null when there was none
     * @param message    what happened, without key bytes
     * @param cause      the underlying failure, may be null
     */
    public Etsi014Exception(final Failure failure, final int httpStatus, final Etsi014Error kmeError,
            final String message, final Throwable cause) {
        super(message, cause);
        this.failure = requireNonNull(failure, "failure");
        this.httpStatus = httpStatus;
        this.kmeError = kmeError;
    }

    /** What went wrong. */
    public Failure failure() {
        return failure;
    }

    /** The HTTP status of a refusal ({@link Failure#HTTP_STATUS}); 0 otherwise. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The KME's Error (section 6.5), when its refusal had one. */
    public Optional<Etsi014Error> kmeError() {
        return Optional.ofNullable(kmeError);
    }
}
