package org.sdqkd.restconf.gateway.impl;

import java.util.List;

/**
 * The capabilities the gateway announces in {@code ietf-restconf-monitoring:restconf-state/capabilities} (RFC 8040
 * section 9.1): the mandatory {@code defaults} capability with the basic mode, and one URI per query parameter that
 * works (section 9.1.1; {@code content} has none, every server supports it). A parameter is listed here only once the
 * gateway carries it out ({@link QueryParameters}); insert, point, filter, start-time and stop-time are not.
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
    /** {@code with-defaults} (section 4.8.9): the modes explicit, trim and report-all. */
    static final String WITH_DEFAULTS = "urn:ietf:params:restconf:capability:with-defaults:1.0";

    private Capabilities() {
        // no instances
    }

    /** The capability URIs, in the order they are listed. */
    static List<String> announced() {
        return List.of(DEFAULTS, DEPTH, FIELDS, WITH_DEFAULTS);
    }
}
