package org.sdqkd.netconf.server.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sdqkd.netconf.protocol.SafeXml;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the agent's replies in tests: ok or not, the rpc-errors and their fields. */
public final class Replies {
    /** The NETCONF base namespace. */
    public static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    /** The project's SSH-QKD model's namespace. */
    public static final String SSH_QKD = "urn:sdqkd:yang:sdqkd-ssh-qkd";
    /** The get-config of running. */
    public static final String GET_RUNNING = "<get-config><source><running/></source></get-config>";
    /** The get-config of the candidate. */
    public static final String GET_CANDIDATE = "<get-config><source><candidate/></source></get-config>";

    private static final SafeXml XML = SafeXml.of(XmlLimits.DEFAULT);

    /**
     * One rpc-error.
     *
     * @param type       error-type
     * @param tag        error-tag
     * @param path       error-path, if any
     * @param message    error-message, if any
     * @param badElement error-info/bad-element, if any
     * @param sessionId  error-info/session-id, if any
     * @param appTag     error-app-tag, if any
     */
    public record Error(String type, String tag, Optional<String> path, Optional<String> message,
            Optional<String> badElement, Optional<String> sessionId, Optional<String> appTag) {
    }

    private Replies() {
        // static only
    }

    /** Parses a message. */
    public static Element parse(final String message) {
        try {
            final Document document = XML.parse(message.getBytes(UTF_8));
            return document.getDocumentElement();
        } catch (XmlParseException e) {
            throw new AssertionError("not XML: " + message, e);
        }
    }

    /** Whether a reply is {@code <ok/>}. */
    public static boolean isOk(final String reply) {
        final Element root = parse(reply);
        return "rpc-reply".equals(root.getLocalName()) && child(root, "ok").isPresent()
            && child(root, "rpc-error").isEmpty();
    }

    /** Fails unless a reply is {@code <ok/>}. */
    public static String assertOk(final String reply) {
        if (!isOk(reply)) {
            throw new AssertionError("expected <ok/>, got " + reply);
        }
        return reply;
    }

    /** The rpc-errors of a reply. */
    public static List<Error> errors(final String reply) {
        final List<Error> errors = new ArrayList<>();
        for (Element e : children(parse(reply))) {
            if (!"rpc-error".equals(e.getLocalName())) {
                continue;
            }
            final Optional<Element> info = child(e, "error-info");
            errors.add(new Error(text(e, "error-type").orElse(""), text(e, "error-tag").orElse(""),
                text(e, "error-path"), text(e, "error-message"), info.flatMap(i -> text(i, "bad-element")),
                info.flatMap(i -> text(i, "session-id")), text(e, "error-app-tag")));
        }
        return errors;
    }

    /** The only rpc-error of a reply; fails if it has none or several. */
    public static Error error(final String reply) {
        final List<Error> errors = errors(reply);
        if (errors.size() != 1) {
            throw new AssertionError("expected one rpc-error, got " + reply);
        }
        return errors.getFirst();
    }

    /** The reply's message-id attribute, if any. */
    public static Optional<String> messageId(final String reply) {
        final Element root = parse(reply);
        return root.hasAttribute("message-id") ? Optional.of(root.getAttribute("message-id")) : Optional.empty();
    }

    /** The reply's {@code <data>} as text with the message-id removed, to compare two replies. */
    public static String data(final String reply) {
        final Optional<Element> data = child(parse(reply), "data");
        if (data.isEmpty()) {
            throw new AssertionError("no data in " + reply);
        }
        return toText(data.orElseThrow());
    }

    private static String toText(final Element element) {
        return org.sdqkd.netconf.protocol.api.XmlElement.of(element).toString();
    }

    /** The element children of an element. */
    public static List<Element> children(final Element parent) {
        final List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    /** The first child element with a local name. */
    public static Optional<Element> child(final Element parent, final String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst();
    }

    private static Optional<String> text(final Element parent, final String localName) {
        return child(parent, localName).map(e -> e.getTextContent().strip());
    }

    /** An edit-config of a target with a config's content. */
    public static String editConfig(final String target, final String config) {
        return "<edit-config><target><" + target + "/></target><config>" + config + "</config></edit-config>";
    }

    /** An ssh-qkd container with policy off and peers with those sae-ids. */
    public static String sshQkd(final String... peers) {
        final StringBuilder text = new StringBuilder("<ssh-qkd xmlns='" + SSH_QKD + "'><policy>off</policy>");
        for (String peer : peers) {
            text.append("<peer><sae-id>").append(peer).append("</sae-id></peer>");
        }
        return text.append("</ssh-qkd>").toString();
    }
}
