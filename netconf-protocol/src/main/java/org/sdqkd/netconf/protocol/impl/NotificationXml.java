package org.sdqkd.netconf.protocol.impl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Element;

/** The XML form of a {@code notification} (RFC 5277 section 4). */
public final class NotificationXml {
    private static final String EVENT_TIME = "eventTime";

    private NotificationXml() {
        // static only
    }

    /** The {@code notification} element, in a new document. */
    public static Element write(final Notification notification) {
        final Element root = DomNodes.append(DomNodes.newDocument(), Notification.NAMESPACE, "notification", null);
        DomNodes.append(root, Notification.NAMESPACE, EVENT_TIME,
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(notification.eventTime()));
        root.appendChild(notification.event().importInto(root.getOwnerDocument()));
        return root;
    }

    /**
     * Reads a {@code notification} element: an {@code eventTime} in RFC 3339 form followed by exactly one event
     * element; anything else is malformed-message.
     */
    public static Notification read(final Element root) throws MessageException {
        final List<Element> children = DomNodes.childElements(root);
        if (children.size() != 2 || DomNodes.hasText(root)) {
            throw malformed("a notification holds an eventTime and one event element; this one has "
                + children.size() + " elements" + (DomNodes.hasText(root) ? " and text" : ""));
        }
        final Element time = children.getFirst();
        if (!Notification.NAMESPACE.equals(time.getNamespaceURI()) || !EVENT_TIME.equals(time.getLocalName())) {
            throw new MessageException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.MISSING_ELEMENT,
                    "a notification starts with its eventTime").withInfo(ErrorInfo.badElement(EVENT_TIME)));
        }
        final OffsetDateTime eventTime;
        try {
            eventTime = OffsetDateTime.parse(time.getTextContent().strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new MessageException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.INVALID_VALUE,
                    "eventTime is not an RFC 3339 date-time: " + e.getParsedString())
                .withInfo(ErrorInfo.badElement(EVENT_TIME)), Optional.empty(), Map.of(), e);
        }
        return new Notification(eventTime, XmlElement.of(children.get(1)));
    }

    private static MessageException malformed(final String message) {
        return new MessageException(RpcError.of(ErrorType.RPC, ErrorTag.MALFORMED_MESSAGE, message));
    }
}
