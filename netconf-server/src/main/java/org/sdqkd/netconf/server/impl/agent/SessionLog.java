package org.sdqkd.netconf.server.impl.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NETCONF session log: a line when a session starts (its hellos exchanged) and a line when it ends, on a logger
 * of its own, {@value #LOGGER}, so that a logging configuration can route the sessions to their own appender (the
 * distribution's service configuration writes them to {@code NAME-netconf-sessions.log}). A line names the
 * session-id, the user, the client's address and the SSH key exchange method, with the QKD key's key_ID for a hybrid
 * method; the end line adds why it ended (RFC 6470 termination-reason) and how long it lasted. Never key material.
 */
final class SessionLog {
    /** The logger's name, outside {@code org.sdqkd.netconf.server} so that it is routed apart from the rest. */
    static final String LOGGER = "org.sdqkd.netconf.sessions";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private SessionLog() {
        // static only
    }

    /** The session's hellos are exchanged. */
    static void started(final SessionInfo info) {
        LOG.info("session {} started: user {} from {}, key exchange {}", info.sessionId(), info.user(),
            address(info), keyExchange(info));
    }

    /**
     * The session has ended.
     *
     * @param info     the session
     * @param reason   the RFC 6470 termination-reason ({@code closed}, {@code killed}, {@code dropped}, ...)
     * @param killedBy the session that killed it, for {@code killed}
     */
    static void ended(final SessionInfo info, final String reason, final Optional<Long> killedBy) {
        LOG.info("session {} ended ({}{}): user {} from {}, key exchange {}, after {} s", info.sessionId(), reason,
            killedBy.map(killer -> " by session " + killer).orElse(""), info.user(), address(info),
            keyExchange(info), Duration.between(info.loginTime(), Instant.now()).toSeconds());
    }

    /** The transport closed before the hellos were exchanged: the session never started. */
    static void endedBeforeHello(final SessionInfo info) {
        LOG.info("session {} ended before its hello exchange: user {} from {}, key exchange {}", info.sessionId(),
            info.user(), address(info), keyExchange(info));
    }

    private static String address(final SessionInfo info) {
        return info.remoteAddress().getAddress().getHostAddress() + " port " + info.remoteAddress().getPort();
    }

    private static String keyExchange(final SessionInfo info) {
        return info.keyExchange() + info.qkdExchange().get()
            .map(qkd -> " (QKD key_ID " + qkd.keyId() + " with " + qkd.peerSaeId() + ")").orElse("");
    }
}
