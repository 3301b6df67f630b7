package org.sdqkd.restconf.gateway.impl;

import java.util.Locale;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * The two encodings of RESTCONF bodies (RFC 8040 section 5.2): RFC 7951 JSON and RFC 7950 XML, with their media
 * types, chosen by {@code Accept} for answers and by {@code Content-Type} for requests.
 */
enum Encoding {
    /** {@code application/yang-data+json} (RFC 8040 section 11.3.2). */
    JSON("application/yang-data+json", "application/json"),
    /** {@code application/yang-data+xml} (RFC 8040 section 11.3.1). */
    XML("application/yang-data+xml", "application/xml");

    private final String mediaType;
    private final String plainType;

    Encoding(final String mediaType, final String plainType) {
        this.mediaType = mediaType;
        this.plainType = plainType;
    }

    /** The media type answers carry. */
    String mediaType() {
        return mediaType;
    }

    /**
     * The encoding of a request body.
     *
     * @param contentType the {@code Content-Type} header
     * @return the encoding
     * @throws RestconfException 415 when the media type is missing or neither encoding
     */
    static Encoding ofContentType(final String contentType) throws RestconfException {
        if (contentType == null || contentType.isBlank()) {
            throw RestconfException.unsupportedMediaType("a request body needs a Content-Type of "
                + JSON.mediaType + " or " + XML.mediaType);
        }
        return of(contentType).orElseThrow(() -> RestconfException.unsupportedMediaType("media type "
            + contentType.strip() + " is not supported; use " + JSON.mediaType + " or " + XML.mediaType));
    }

    /**
     * The encoding of an answer (RFC 7231 section 5.3.2): the acceptable type with the highest quality, JSON for
     * a missing {@code Accept} or a wildcard.
     *
     * @param accept the {@code Accept} header, or {@code null}
     * @return the encoding
     * @throws RestconfException 406 when no acceptable type is one of the two
     */
    static Encoding ofAccept(final String accept) throws RestconfException {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        Encoding best = null;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            final String[] parts = range.split(";");
            final String type = parts[0].strip().toLowerCase(Locale.ROOT);
            final double quality = quality(parts);
            final Encoding encoding = switch (type) {
                case "*/*", "application/*" -> JSON;
                default -> of(type).orElse(null);
            };
            if (encoding != null && quality > bestQuality) {
                best = encoding;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new RestconfException(406, RestconfError.of(ErrorTag.INVALID_VALUE, "none of the media types "
                + accept.strip() + " can be produced; use " + JSON.mediaType + " or " + XML.mediaType));
        }
        return best;
    }

    private static double quality(final String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            final String parameter = parts[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static Optional<Encoding> of(final String mediaType) {
        final String type = mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (Encoding encoding : values()) {
            if (encoding.mediaType.equals(type) || encoding.plainType.equals(type)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }
}
