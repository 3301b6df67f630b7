package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import org.w3c.dom.Element;

/**
 * A {@code notification} message (RFC 5277 section 4): when the event happened and the event's content, one element
 * such as {@code <netconf-config-change>} of RFC 6470 or a YANG notification of the models.
 *
 * @param eventTime when the event happened, as the server's clock saw it
 * @param event     the event's element
 */
public record Notification(OffsetDateTime eventTime, XmlElement event) implements NetconfMessage {
    /** The namespace of the {@code notification} element and its {@code eventTime} (RFC 5277 section 4). */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:netconf:notification:1.0";

    /** Checks the components. */
    public Notification {
        requireNonNull(eventTime);
        requireNonNull(event);
    }

    /**
     * A notification of an event.
     *
     * @param eventTime when it happened
     * @param event     its element; copied
     * @return the notification
     */
    public static Notification of(final OffsetDateTime eventTime, final Element event) {
        return new Notification(eventTime, XmlElement.of(event));
    }
}
