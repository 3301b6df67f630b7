package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The {@code error-message} of an rpc-error (RFC 6241 section 4.3): text for a person, in a language.
 *
 * @param text the message
 * @param lang its language as an {@code xml:lang} value (RFC 5646 tag), if stated
 */
public record ErrorMessage(String text, Optional<String> lang) {
    /** Checks the components. */
    public ErrorMessage {
        requireNonNull(text);
        requireNonNull(lang);
    }

    /**
     * A message in English ({@code xml:lang="en"}).
     *
     * @param text the message
     * @return the message
     */
    public static ErrorMessage english(final String text) {
        return new ErrorMessage(text, Optional.of("en"));
    }
}
