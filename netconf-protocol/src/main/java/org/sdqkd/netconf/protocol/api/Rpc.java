package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * An {@code rpc} request (RFC 6241 section 4.1): its message-id, its other attributes, which the reply must return
 * unchanged, and the operation element, such as {@code <get-config>}.
 *
 * @param messageId  the message-id attribute
 * @param attributes the other attributes of the rpc element (not the namespace declarations)
 * @param operation  the one child element: the operation with its parameters
 */
public record Rpc(String messageId, Map<QName, String> attributes, XmlElement operation) implements NetconfMessage {
    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if {@code attributes} holds the message-id
     */
    public Rpc {
        requireNonNull(messageId);
        requireNonNull(operation);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (attributes.containsKey(new QName(RpcReply.MESSAGE_ID))) {
            throw new IllegalArgumentException("message-id is a component of its own, not an attribute");
        }
    }

    /**
     * A request without other attributes.
     *
     * @param messageId the message-id
     * @param operation the operation element; copied
     * @return the request
     */
    public static Rpc of(final String messageId, final Element operation) {
        return new Rpc(messageId, Map.of(), XmlElement.of(operation));
    }
}
