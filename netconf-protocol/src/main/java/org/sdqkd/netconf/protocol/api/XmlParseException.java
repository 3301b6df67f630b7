package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.SafeXml;

/**
 * An XML document that {@link SafeXml} refused. The error-type is {@code rpc}; the error-tag is {@code too-big}
 * for a document beyond the {@link XmlLimits}, else {@code malformed-message} (RFC 6241 section 3 forbids DTDs in
 * NETCONF messages).
 */
public final class XmlParseException extends NetconfProtocolException {
    private static final long serialVersionUID = 1L;

    /** Why the document was refused. */
    public enum Reason {
        /** Not well-formed XML (including references to undeclared entities). */
        NOT_WELL_FORMED,
        /** The document has a document type declaration; no DTD, internal or external, is read. */
        DTD_REFUSED,
        /** Elements nest deeper than {@link XmlLimits#maxDepth()}. */
        TOO_DEEP,
        /** The document is larger than {@link XmlLimits#maxBytes()}. */
        TOO_BIG
    }

    private final Reason reason;

    /**
     * A refused document.
     *
     * @param reason  why it was refused
     * @param message what exactly is wrong, for a person
     * @param cause   the parser's exception, or null
     */
    public XmlParseException(final Reason reason, final String message, final Throwable cause) {
        super(RpcError.of(ErrorType.RPC, tagOf(reason), message), cause);
        this.reason = requireNonNull(reason);
    }

    private static ErrorTag tagOf(final Reason reason) {
        return switch (reason) {
            case TOO_DEEP, TOO_BIG -> ErrorTag.TOO_BIG;
            case NOT_WELL_FORMED, DTD_REFUSED -> ErrorTag.MALFORMED_MESSAGE;
        };
    }

    /** Why the document was refused. */
    public Reason reason() {
        return reason;
    }
}
