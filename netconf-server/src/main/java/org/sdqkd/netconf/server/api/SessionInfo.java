package org.sdqkd.netconf.server.api;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.sdqkd.ssh.qkd.api.QkdExchange;

/**
 * What the SSH transport knows about one NETCONF session, for the NETCONF layer and for session monitoring
 * (RFC 6022 {@code sessions/session}).
 *
 * @param sessionId the NETCONF session-id (RFC 6241 section 8.1), allocated by the server: unique while the server
 *     runs, starting at 1, at most 4294967295
 * @param user the name the client authenticated as
 * @param remoteAddress the client's IP address and port
 * @param keyExchange the SSH key exchange method negotiated for the connection (RFC 4253 section 7.1), such as
 *     {@code mlkem768x25519-sha256}
 * @param loginTime when the session started
 * @param qkdExchange the connection's last hybrid QKD key exchange, read when asked: it changes at each re-key;
 *     empty for a connection with a standard method
 */
public record SessionInfo(long sessionId, String user, InetSocketAddress remoteAddress, String keyExchange,
        Instant loginTime, Supplier<Optional<QkdExchange>> qkdExchange) {

    /** The largest session-id: NETCONF's session-id is a uint32 and 0 is reserved. */
    public static final long MAX_SESSION_ID = 0xFFFF_FFFFL;

    /**
     * Checks the components.
     *
     * @param sessionId the NETCONF session-id, 1 to {@link #MAX_SESSION_ID}
     * @param user the authenticated user name, not blank
     * @param remoteAddress the client's address
     * @param keyExchange the negotiated key exchange method, not blank
     * @param loginTime when the session started
     * @param qkdExchange the last hybrid key exchange, when asked
     */
    public SessionInfo {
        if (sessionId < 1 || sessionId > MAX_SESSION_ID) {
            throw new IllegalArgumentException("session-id out of range 1.." + MAX_SESSION_ID + ": " + sessionId);
        }
        requireNonNull(user, "user");
        requireNonNull(remoteAddress, "remoteAddress");
        requireNonNull(keyExchange, "keyExchange");
        requireNonNull(loginTime, "loginTime");
        requireNonNull(qkdExchange, "qkdExchange");
        if (user.isBlank()) {
            throw new IllegalArgumentException("blank user name");
        }
        if (keyExchange.isBlank()) {
            throw new IllegalArgumentException("blank key exchange name");
        }
    }
}
