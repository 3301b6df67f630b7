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
     * @param target the resource
     * @param data   its data
     */
    record Content(ApiPath target, NormalizedNode data) {
        Content {
            requireNonNull(target);
            requireNonNull(data);
        }
    }

    /** An answer without body. */
    static Answer of(final int status, final Map<String, String> headers) {
        return new Answer(status, headers, Optional.empty());
    }
}
