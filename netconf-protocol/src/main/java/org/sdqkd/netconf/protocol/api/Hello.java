package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;

/**
 * The {@code hello} message each peer sends first (RFC 6241 section 8.1): its capabilities and, from the server
 * only, the session-id.
 *
 * @param capabilities the capability URIs announced, in the order given
 * @param sessionId    the session-id (1..4294967295), present only in the server's hello
 */
public record Hello(Set<URI> capabilities, OptionalLong sessionId) implements NetconfMessage {
    /** The largest session-id: it is a YANG uint32 and 0 is reserved (RFC 6241 section 8.1). */
    public static final long MAX_SESSION_ID = 4_294_967_295L;

    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if the session-id is out of range
     */
    public Hello {
        capabilities = Collections.unmodifiableSet(new LinkedHashSet<>(capabilities));
        requireNonNull(sessionId);
        if (sessionId.isPresent() && (sessionId.getAsLong() < 1 || sessionId.getAsLong() > MAX_SESSION_ID)) {
            throw new IllegalArgumentException("session-id must be 1.." + MAX_SESSION_ID + ", not "
                + sessionId.getAsLong());
        }
    }

    /**
     * A client's hello, without session-id.
     *
     * @param capabilities the capabilities announced
     * @return the message
     */
    public static Hello client(final Collection<URI> capabilities) {
        return new Hello(new LinkedHashSet<>(capabilities), OptionalLong.empty());
    }

    /**
     * A server's hello.
     *
     * @param sessionId    the session-id assigned to the session
     * @param capabilities the capabilities announced
     * @return the message
     */
    public static Hello server(final long sessionId, final Collection<URI> capabilities) {
        return new Hello(new LinkedHashSet<>(capabilities), OptionalLong.of(sessionId));
    }

    /**
     * Whether this hello announces a capability, ignoring its parameters.
     *
     * @param capability the capability
     * @return whether it is announced
     */
    public boolean announces(final URI capability) {
        return capabilities.stream().anyMatch(announced -> Capabilities.same(announced, capability));
    }

    /**
     * The framing for the rest of the session once this peer and the other have exchanged hellos (RFC 6242 section
     * 4.1): chunked when both announce {@code :base:1.1}, else end-of-message when both announce
     * {@code :base:1.0}.
     *
     * @param peer           the other peer's hello
     * @param maxMessageSize the largest message the framing accepts, in bytes
     * @return a new framing
     * @throws MessageException (protocol, operation-not-supported) if the peers have no base version in common;
     *                          the session must then be closed (RFC 6241 section 8.1)
     */
    public Framing negotiateFraming(final Hello peer, final int maxMessageSize) throws MessageException {
        if (announces(Capabilities.BASE_1_1) && peer.announces(Capabilities.BASE_1_1)) {
            return ChunkedFraming.of(maxMessageSize);
        }
        if (announces(Capabilities.BASE_1_0) && peer.announces(Capabilities.BASE_1_0)) {
            return EndOfMessageFraming.of(maxMessageSize);
        }
        throw new MessageException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.OPERATION_NOT_SUPPORTED,
            "no NETCONF base version in common: " + baseVersions(this) + " here, " + baseVersions(peer)
                + " at the peer"));
    }

    private static String baseVersions(final Hello hello) {
        return hello.capabilities.stream().map(URI::toString)
            .filter(uri -> uri.startsWith("urn:ietf:params:netconf:base:")).toList().toString();
    }
}
