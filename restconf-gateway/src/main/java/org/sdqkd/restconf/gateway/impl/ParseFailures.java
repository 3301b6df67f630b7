package org.sdqkd.restconf.gateway.impl;

import com.google.gson.JsonParseException;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangNetconfError;
import org.opendaylight.yangtools.yang.data.api.YangNetconfErrorAware;

/**
 * Turns what the yangtools parsers throw for a bad body into RFC 8040 errors: malformed JSON or XML is
 * {@code malformed-message}, a member or element the models do not have is {@code unknown-element}, a value its
 * type refuses is {@code invalid-value}; errors yangtools already describes keep its error-tag and path.
 */
final class ParseFailures {
    private ParseFailures() {
        // no instances
    }

    /**
     * The failure to answer for a body a parser refused.
     *
     * @param failure what the parser threw
     * @param at      the resource the body was for
     * @return the exception to answer with (status 400)
     */
    static RestconfException of(final Exception failure, final YangInstanceIdentifier at) {
        final List<RestconfError> errors = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof YangNetconfErrorAware aware && !(cause instanceof Exception e && generic(e))) {
                for (YangNetconfError error : aware.getNetconfErrors()) {
                    final ErrorTag tag = error.tag();
                    errors.add(new RestconfError(error.type(), ErrorStatus.of(tag) == 400 ? tag : classify(failure),
                        Optional.ofNullable(error.appTag()), Optional.ofNullable(error.path()),
                        Optional.ofNullable(error.message()).orElse(message(failure))));
                }
                if (!errors.isEmpty()) {
                    return new RestconfException(400, errors);
                }
            }
        }
        return new RestconfException(400, new RestconfError(classify(failure) == ErrorTag.MALFORMED_MESSAGE
            ? ErrorType.PROTOCOL : ErrorType.APPLICATION, classify(failure), Optional.empty(),
            at.isEmpty() ? Optional.empty() : Optional.of(at), message(failure)));
    }

    /** A NormalizationException that only wraps another exception carries no error of its own worth keeping. */
    private static boolean generic(final Exception exception) {
        return exception.getCause() != null && exception.getMessage() != null
            && exception.getMessage().equals(exception.getCause().toString());
    }

    private static ErrorTag classify(final Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            final String text = text(cause);
            if (text.contains("not found") || text.contains("does not exist") || text.contains("unknown")
                    || text.contains("not present in schema") || text.contains("no such")) {
                return ErrorTag.UNKNOWN_ELEMENT;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // a value the type's codec refuses, such as a string where an integer belongs, even inside a JSON error
            if (cause instanceof IllegalArgumentException
                    && text(cause).contains("incorrect lexical representation")) {
                return ErrorTag.INVALID_VALUE;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException || cause instanceof EOFException
                    || cause instanceof XMLStreamException
                    || cause instanceof IllegalStateException && text(cause).contains("expected")) {
                return ErrorTag.MALFORMED_MESSAGE;
            }
        }
        return ErrorTag.INVALID_VALUE;
    }

    private static String text(final Throwable cause) {
        return String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    }

    private static String message(final Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        final String message = deepest.getMessage();
        return message == null ? deepest.getClass().getSimpleName() : message;
    }
}
