package org.sdqkd.datastore.api;

import java.nio.file.Path;
import java.util.Locale;

/** Encodings of YANG instance data that sdqkd reads and writes. */
public enum DocumentFormat {
    /** XML encoding, RFC 7950 section 7. */
    XML,
    /** JSON encoding, RFC 7951. */
    JSON;

    /**
     * The format a file name implies: {@code .xml} or {@code .json}.
     *
     * @throws IllegalArgumentException for any other extension
     */
    public static DocumentFormat ofFileName(final Path file) {
        final String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return XML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        throw new IllegalArgumentException(file + ": unknown format, expected a .xml or .json file");
    }
}
