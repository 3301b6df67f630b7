package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * Bytes that break the RFC 6242 framing, or a message that cannot be framed. The session must be closed: framing
 * cannot resynchronise (RFC 6242 section 4.2). The error-type is {@code transport}; the error-tag is
 * {@code too-big} for {@link Reason#TOO_BIG} and {@code malformed-message} otherwise.
 */
public final class FramingException extends NetconfProtocolException {
    private static final long serialVersionUID = 1L;

    /** Why the framing failed. */
    public enum Reason {
        /** A chunk header or end-of-chunks marker differs from {@code \n#<chunk-size>\n} or {@code \n##\n}. */
        BAD_CHUNK_HEADER,
        /** A chunk size that is zero, has leading zeros or exceeds 4294967295. */
        BAD_CHUNK_SIZE,
        /** A message larger than the configured maximum. */
        TOO_BIG,
        /** The input ended inside a message. */
        TRUNCATED,
        /** A message to encode contains the end-of-message delimiter {@code ]]>]]>}. */
        DELIMITER_IN_MESSAGE,
        /** An empty message to encode with chunked framing, which has no empty chunks. */
        EMPTY_MESSAGE
    }

    private final Reason reason;

    /**
     * A framing failure.
     *
     * @param reason  why the framing failed
     * @param message what exactly is wrong, for a person
     */
    public FramingException(final Reason reason, final String message) {
        super(RpcError.of(ErrorType.TRANSPORT, tagOf(reason), message), null);
        this.reason = requireNonNull(reason);
    }

    private static ErrorTag tagOf(final Reason reason) {
        return reason == Reason.TOO_BIG ? ErrorTag.TOO_BIG : ErrorTag.MALFORMED_MESSAGE;
    }

    /** Why the framing failed. */
    public Reason reason() {
        return reason;
    }
}
