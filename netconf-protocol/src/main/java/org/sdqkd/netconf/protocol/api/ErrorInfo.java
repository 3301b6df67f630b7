package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import javax.xml.namespace.QName;

/**
 * One child of the {@code error-info} of an rpc-error (RFC 6241 section 4.3 and appendix A), with text content.
 *
 * @param name  the element's name; the standard ones are in the NETCONF base namespace
 * @param value its text
 */
public record ErrorInfo(QName name, String value) {
    /** Checks the components. */
    public ErrorInfo {
        requireNonNull(name);
        requireNonNull(value);
    }

    /**
     * {@code session-id}: the session holding a lock (lock-denied, in-use), 0 if not a NETCONF session.
     *
     * @param sessionId the session
     * @return the element
     */
    public static ErrorInfo sessionId(final long sessionId) {
        return base("session-id", Long.toString(sessionId));
    }

    /**
     * {@code bad-attribute}: the attribute in error.
     *
     * @param name the attribute's name
     * @return the element
     */
    public static ErrorInfo badAttribute(final String name) {
        return base("bad-attribute", name);
    }

    /**
     * {@code bad-element}: the element in error, or that holds the attribute in error.
     *
     * @param name the element's name
     * @return the element
     */
    public static ErrorInfo badElement(final String name) {
        return base("bad-element", name);
    }

    /**
     * {@code bad-namespace}: the unknown namespace (unknown-namespace).
     *
     * @param namespace the namespace
     * @return the element
     */
    public static ErrorInfo badNamespace(final String namespace) {
        return base("bad-namespace", namespace);
    }

    /**
     * A child in the NETCONF base namespace, such as {@code ok-element}, {@code err-element} or
     * {@code noop-element} (partial-operation).
     *
     * @param localName the element's name
     * @param value     its text
     * @return the element
     */
    public static ErrorInfo base(final String localName, final String value) {
        return new ErrorInfo(new QName(NetconfMessage.NAMESPACE, localName), value);
    }
}
