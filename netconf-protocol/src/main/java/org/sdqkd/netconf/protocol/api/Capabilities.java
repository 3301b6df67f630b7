package org.sdqkd.netconf.protocol.api;

import java.net.URI;

/**
 * The standard NETCONF capability URIs (RFC 6241 section 8 and appendix C, RFC 6243, RFC 5277) and how to compare
 * capabilities.
 */
public final class Capabilities {
    /** NETCONF base 1.0, end-of-message framing (RFC 6241 section 8.1, RFC 6242 section 4.3). */
    public static final URI BASE_1_0 = URI.create("urn:ietf:params:netconf:base:1.0");
    /** NETCONF base 1.1, chunked framing (RFC 6241 section 8.1, RFC 6242 section 4.2). */
    public static final URI BASE_1_1 = URI.create("urn:ietf:params:netconf:base:1.1");
    /** Writable running datastore (RFC 6241 section 8.2). */
    public static final URI WRITABLE_RUNNING = URI.create("urn:ietf:params:netconf:capability:writable-running:1.0");
    /** Candidate configuration (RFC 6241 section 8.3). */
    public static final URI CANDIDATE = URI.create("urn:ietf:params:netconf:capability:candidate:1.0");
    /** Confirmed commit, version 1.1 (RFC 6241 section 8.4). */
    public static final URI CONFIRMED_COMMIT_1_1 =
        URI.create("urn:ietf:params:netconf:capability:confirmed-commit:1.1");
    /** Rollback-on-error (RFC 6241 section 8.5). */
    public static final URI ROLLBACK_ON_ERROR = URI.create("urn:ietf:params:netconf:capability:rollback-on-error:1.0");
    /** Validate, version 1.1 (RFC 6241 section 8.6). */
    public static final URI VALIDATE_1_1 = URI.create("urn:ietf:params:netconf:capability:validate:1.1");
    /** Distinct startup configuration (RFC 6241 section 8.7). */
    public static final URI STARTUP = URI.create("urn:ietf:params:netconf:capability:startup:1.0");
    /** XPath filtering (RFC 6241 section 8.9). */
    public static final URI XPATH = URI.create("urn:ietf:params:netconf:capability:xpath:1.0");
    /** With-defaults, without its required parameters (RFC 6243 section 4); see {@link #withDefaults}. */
    public static final URI WITH_DEFAULTS = URI.create("urn:ietf:params:netconf:capability:with-defaults:1.0");
    /** Event notifications (RFC 5277 section 3.1). */
    public static final URI NOTIFICATION = URI.create("urn:ietf:params:netconf:capability:notification:1.0");
    /** Interleaving notifications with other operations (RFC 5277 section 6). */
    public static final URI INTERLEAVE = URI.create("urn:ietf:params:netconf:capability:interleave:1.0");

    private Capabilities() {
        // constants only
    }

    /**
     * The with-defaults capability with its parameters (RFC 6243 section 4.3).
     *
     * @param basicMode     the server's basic mode: {@code report-all}, {@code trim} or {@code explicit}
     * @param alsoSupported further modes, comma-separated ({@code report-all-tagged,trim}), or empty
     * @return the capability URI
     */
    public static URI withDefaults(final String basicMode, final String alsoSupported) {
        return URI.create(WITH_DEFAULTS + "?basic-mode=" + basicMode
            + (alsoSupported.isEmpty() ? "" : "&also-supported=" + alsoSupported));
    }

    /**
     * Whether two capability URIs name the same capability, ignoring parameters (what follows {@code ?}).
     *
     * @param announced a capability as announced, possibly with parameters
     * @param wanted    the capability looked for
     * @return whether they are the same capability
     */
    public static boolean same(final URI announced, final URI wanted) {
        return withoutParameters(announced.toString()).equals(withoutParameters(wanted.toString()));
    }

    private static String withoutParameters(final String uri) {
        final int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
