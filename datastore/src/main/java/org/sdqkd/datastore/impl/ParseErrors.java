package org.sdqkd.datastore.impl;

import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangNetconfError;
import org.opendaylight.yangtools.yang.data.api.YangNetconfErrorAware;
import org.sdqkd.datastore.api.ValidationError;

/** Turns exceptions thrown by the yangtools codecs and data tree into {@link ValidationError}s. */
final class ParseErrors {
    private ParseErrors() {
        // no instances
    }

    /** The first NETCONF error a yangtools exception (or one of its causes) carries. */
    static Optional<YangNetconfError> netconfError(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof YangNetconfErrorAware aware && !aware.getNetconfErrors().isEmpty()) {
                return Optional.of(aware.getNetconfErrors().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * The error for a value or structure the codec refused at {@code path}; the tag comes from the
     * exception where yangtools provides one, else {@code fallbackTag}.
     */
    static ValidationError of(final Throwable failure, final String path, final ErrorTag fallbackTag) {
        final Optional<YangNetconfError> netconf = netconfError(failure);
        final ErrorTag tag = netconf.map(YangNetconfError::tag).orElse(fallbackTag);
        final ErrorType type = netconf.map(YangNetconfError::type).orElse(ErrorType.APPLICATION);
        final Optional<String> appTag = netconf.map(YangNetconfError::appTag);
        final String message = firstLine(netconf.map(YangNetconfError::message).orElseGet(() -> rootMessage(failure)));
        return new ValidationError(type, tag, appTag, path, message);
    }

    /** The first line of a message; yangtools adds multi-line explanations to some. */
    static String firstLine(final String message) {
        final int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The most specific message in a cause chain. */
    static String rootMessage(final Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
