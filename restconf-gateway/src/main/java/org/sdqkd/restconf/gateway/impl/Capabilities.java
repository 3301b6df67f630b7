package org.sdqkd.restconf.gateway.impl;

import java.util.List;

/**
 * The capabilities the gateway announces in {@code ietf-restconf-monitoring:restconf-state/capabilities} (RFC 8040
 * section 9.1): the mandatory {@code defaults} capability with the basic mode, and one URI per query parameter that
 * works (section 9.1.1; {@code content} has none, every server supports it). A parameter is listed here only once the
 * gateway carries it out ({@link QueryParameters}, {@link StreamParameters}); insert and point are not. {@code replay}
 * (start-time and stop-time) is listed only when the event stream keeps events to replay.
 */
final class Capabilities {
    /**
     * The basic mode (RFC 8040 section 9.1.2, RFC 6243 section 2.3.3): the datastore keeps what clients wrote and
     * does not fill in defaults, so a leaf is reported when it was set, to its default value or not.
     */
    static final String DEFAULTS = "urn:ietf:params:restconf:capability:defaults:1.0?basic-mode=explicit";

    /** {@code depth} (section 4.8.2). */
    static final String DEPTH = "urn:ietf:params:restconf:capability:depth:1.0";
    /** {@code fields} (section 4.8.3). */
    static final String FIELDS = "urn:ietf:params:restconf:capability:fields:1.0";
    /** {@code with-defaults} (section 4.8.9): all four modes, explicit, trim, report-all and report-all-tagged. */
    static final String WITH_DEFAULTS = "urn:ietf:params:restconf:capability:with-defaults:1.0";

    /** {@code filter} on event streams (section 4.8.4). */
    static final String FILTER = "urn:ietf:params:restconf:capability:filter:1.0";
    /** {@code start-time} and {@code stop-time} on event streams (sections 4.8.7, 4.8.8). */
    static final String REPLAY = "urn:ietf:params:restconf:capability:replay:1.0";

    private Capabilities() {
        // no instances
    }

    /**
     * The capability URIs, in the order they are listed.
     *
     * @param replay whether the event stream replays events
     * @return the URIs
     */
    static List<String> announced(final boolean replay) {
        return replay ? List.of(DEFAULTS, DEPTH, FIELDS, WITH_DEFAULTS, FILTER, REPLAY)
            : List.of(DEFAULTS, DEPTH, FIELDS, WITH_DEFAULTS, FILTER);
    }
}
