package org.sdqkd.netconf.protocol.impl;

import static org.sdqkd.netconf.protocol.api.NetconfMessage.NAMESPACE;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.w3c.dom.Element;

/** The XML form of a {@code hello} (RFC 6241 section 8.1). */
public final class HelloXml {
    private HelloXml() {
        // static only
    }

    /** The {@code hello} element of a hello, in a new document. */
    public static Element write(final Hello hello) {
        final Element root = DomNodes.append(DomNodes.newDocument(), NAMESPACE, "hello", null);
        final Element capabilities = DomNodes.append(root, NAMESPACE, "capabilities", null);
        hello.capabilities().forEach(uri -> DomNodes.append(capabilities, NAMESPACE, "capability", uri.toString()));
        hello.sessionId().ifPresent(id -> DomNodes.append(root, NAMESPACE, "session-id", Long.toString(id)));
        return root;
    }

    /**
     * Reads a {@code hello} element. Errors have type protocol: missing-element without capabilities,
     * invalid-value for a capability that is no URI or a session-id out of 1..4294967295.
     */
    public static Hello read(final Element root) throws MessageException {
        final Element capabilities = DomNodes.child(root, NAMESPACE, "capabilities")
            .orElseThrow(() -> failure(ErrorTag.MISSING_ELEMENT, "capabilities", "hello without capabilities"));
        final Set<URI> uris = new LinkedHashSet<>();
        for (Element capability : DomNodes.childElements(capabilities)) {
            if (DomNodes.is(capability, NAMESPACE, "capability")) {
                try {
                    uris.add(new URI(DomNodes.text(capability)));
                } catch (URISyntaxException e) {
                    throw failure(ErrorTag.INVALID_VALUE, "capability", "capability is not a URI: " + e.getMessage());
                }
            }
        }
        if (uris.isEmpty()) {
            throw failure(ErrorTag.MISSING_ELEMENT, "capability", "hello announces no capability");
        }
        final Optional<Element> sessionId = DomNodes.child(root, NAMESPACE, "session-id");
        if (sessionId.isEmpty()) {
            return new Hello(uris, OptionalLong.empty());
        }
        final String text = DomNodes.text(sessionId.orElseThrow());
        try {
            final long id = Long.parseLong(text);
            if (id >= 1 && id <= Hello.MAX_SESSION_ID) {
                return new Hello(uris, OptionalLong.of(id));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw failure(ErrorTag.INVALID_VALUE, "session-id", "session-id must be 1.." + Hello.MAX_SESSION_ID
            + ", not '" + text + "'");
    }

    private static MessageException failure(final ErrorTag tag, final String element, final String message) {
        return new MessageException(RpcError.of(ErrorType.PROTOCOL, tag, message)
            .withInfo(ErrorInfo.badElement(element)));
    }
}
