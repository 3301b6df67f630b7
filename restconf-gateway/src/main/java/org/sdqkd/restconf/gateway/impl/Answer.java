package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * A successful answer to a RESTCONF request, before it is written.
 *
 * @param status  the HTTP status
 * @param headers extra headers (ETag, Last-Modified, Location, Allow...)
 * @param body    the data to write, if any, with the resource it is
 */
record Answer(int status, Map<String, String> headers, Optional<Content> body) {
    Answer {
        headers = Map.copyOf(headers);
        requireNonNull(body);
    }

    /**
     * A resource's data as the body of an answer.
     *
     * @param target      the resource
     * @param data        its data
     * @param tagDefaults whether leaves (and leaf-lists) holding their default are written with the default
     *                    annotation (with-defaults=report-all-tagged, RFC 8040 section 4.8.9)
     */
    record Content(ApiPath target, NormalizedNode data, boolean tagDefaults) {
        Content {
            requireNonNull(target);
            requireNonNull(data);
        }

        /** A resource's data without annotations. */
        Content(final ApiPath target, final NormalizedNode data) {
            this(target, data, false);
        }
    }

    /** An answer without body. */
    static Answer of(final int status, final Map<String, String> headers) {
        return new Answer(status, headers, Optional.empty());
    }
}
