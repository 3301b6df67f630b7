package org.sdqkd.ssh.qkd;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.SshServer;
import org.sdqkd.ssh.qkd.impl.Attributes;
import org.sdqkd.ssh.qkd.impl.Install;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.api.QkdExchange;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySource;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;

/** Entry point: the hybrid QKD key exchange for Apache MINA SSHD servers and clients. */
public final class SshQkd {
    private SshQkd() {
    }

    /**
     * Sets a server's key exchange methods by the policy: only the hybrid ones ({@code required}), the hybrid ones
     * before MINA's defaults ({@code preferred}), or MINA's defaults ({@code off}); and its re-key limits, after each
     * of which a hybrid exchange takes a new QKD key.
     *
     * @param sshd      a server not yet started, with MINA's default methods
     * @param settings  the settings
     * @param keySource the server's key source; may be null only with policy off
     */
    public static void installServer(final SshServer sshd, final SshQkdSettings settings,
            final QkdKeySource keySource) {
        Install.server(requireNonNull(sshd, "sshd"), requireNonNull(settings, "settings"), keySource);
    }

    /**
     * Teaches a client the hybrid methods. Each connection then offers what its own {@link ClientQkd} says, passed in
     * its connection context (see {@link #addClientContext}); a connection without one offers standard methods only.
     *
     * @param client a client not yet started, with MINA's default methods
     */
    public static void installClient(final SshClient client) {
        Install.client(requireNonNull(client, "client"));
    }

    /**
     * Adds a connection's hybrid settings to the attributes of its connection context, the
     * {@link AttributeRepository} given to {@code SshClient.connect}.
     *
     * @param context      the attributes
     * @param qkd          the connection's settings
     * @param standardOnly true to offer standard methods only: a fallback the settings allow
     *                     ({@link #fallbackPermitted})
     */
    public static void addClientContext(final Map<AttributeKey<?>, Object> context, final ClientQkd qkd,
            final boolean standardOnly) {
        context.put(Attributes.CLIENT, requireNonNull(qkd, "qkd"));
        context.put(Attributes.STANDARD_ONLY, standardOnly);
        context.put(Attributes.CLIENT_KEY_FAILURE, new AtomicReference<QkdKeyException.Reason>());
    }

    /**
     * The last hybrid key exchange of a connection, at either end.
     *
     * @param session the SSH session
     * @return the exchange, or empty when the connection used a standard method
     */
    public static Optional<QkdExchange> lastExchange(final Session session) {
        return Optional.ofNullable(session.getAttribute(Attributes.LAST_EXCHANGE));
    }

    /**
     * Why the connection's last hybrid key exchange got no QKD key at this end: a client's own key source, or a
     * server's. A client never learns the server's reason (the server tells it a fixed phrase only).
     *
     * @param session the SSH session
     * @return the reason, or empty when no key was missing at this end
     */
    public static Optional<QkdKeyException.Reason> keyFailure(final Session session) {
        return Optional.ofNullable(Attributes.keyFailure(session));
    }

    /**
     * Whether a client whose connection failed may connect again with standard methods only: its policy is
     * {@code preferred} with fallback allowed, and its own key source had no key for it (unreachable, no answer in
     * time, none stored) when the client took its key, as the client's key exchange recorded it. Nothing the server
     * sends counts, as it is unauthenticated before {@code SSH_MSG_NEWKEYS}: a server whose KME has no key, or a
     * forged disconnect saying so, fails the connection. A refused, unknown or wrong key never allows it.
     *
     * @param session the failed connection
     * @return whether the fallback is allowed
     */
    public static boolean fallbackPermitted(final ClientSession session) {
        final AttributeRepository context = session.getConnectionContext();
        final ClientQkd qkd = context == null ? null : context.getAttribute(Attributes.CLIENT);
        if (qkd == null || qkd.settings().policy() != KexPolicy.PREFERRED || !qkd.settings().fallbackOnKmeFailure()) {
            return false;
        }
        final AtomicReference<QkdKeyException.Reason> own = Attributes.clientKeyFailure(session);
        return own != null && own.get() == QkdKeyException.Reason.UNAVAILABLE;
    }
}
