package org.sdqkd.netconf.server.impl.agent;

/** The XML namespaces of the NETCONF protocol's own modules. */
final class Namespaces {
    /** RFC 6241: the base protocol. */
    static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    /** RFC 5277: notifications, create-subscription. */
    static final String NOTIFICATION = "urn:ietf:params:xml:ns:netconf:notification:1.0";
    /** RFC 5277: nc-notifications, the event streams ({@code /netconf/streams}). */
    static final String EVENT_STREAMS = "urn:ietf:params:xml:ns:netmod:notification";
    /** RFC 6022: ietf-netconf-monitoring, get-schema. */
    static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    /** sdqkd-ssh-qkd: the key exchange of each session, an augment of the monitoring sessions. */
    static final String SSH_QKD = "urn:sdqkd:yang:sdqkd-ssh-qkd";
    /** RFC 6243: ietf-netconf-with-defaults. */
    static final String WITH_DEFAULTS = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults";
    /** RFC 6243 section 6: the {@code default} attribute of report-all-tagged. */
    static final String DEFAULT_ATTRIBUTE = "urn:ietf:params:xml:ns:netconf:default:1.0";
    /** RFC 6470: ietf-netconf-notifications. */
    static final String BASE_NOTIFICATIONS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
    /** RFC 8525: ietf-yang-library. */
    static final String YANG_LIBRARY = "urn:ietf:params:xml:ns:yang:ietf-yang-library";
    /** RFC 8342: ietf-datastores. */
    static final String DATASTORES = "urn:ietf:params:xml:ns:yang:ietf-datastores";
    /** RFC 8526: ietf-netconf-nmda. */
    static final String NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda";
    /** RFC 8342: ietf-origin. */
    static final String ORIGIN = "urn:ietf:params:xml:ns:yang:ietf-origin";

    private Namespaces() {
        // constants only
    }
}
