package org.sdqkd.controller.impl.connection;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.ConnectionStatus;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.StateBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.sdqkd.controller.impl.config.ConnectionSettings;
import org.sdqkd.controller.impl.connection.NodeHostKeyCheck.Verdict;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.ReconnectingSession;
import org.sdqkd.netconf.client.api.ReconnectingSession.StateChange;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.api.QkdKeySource;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's session to one node: a {@link ReconnectingSession} of the project's NETCONF client (backoff with
 * jitter and a cap), with the node's host key checked by a {@link NodeHostKeyCheck} and, by the node's policy, the
 * hybrid QKD key exchange with keys from the controller's local KME shared with the node's NETCONF SAE. Each change of
 * the session is recorded in the node's operational state and told to the {@link SessionEvents}, on the one state
 * thread. A refused host key stops the retries (state {@code unauthorized}) until the node's configuration changes.
 */
final class NodeConnection {
    private static final Logger LOG = LoggerFactory.getLogger(NodeConnection.class);

    /** Told, on the state thread, when the node's session comes up or goes away. */
    interface SessionEvents {
        /**
         * A session is up.
         *
         * @param connection the connection
         * @param session    the session
         */
        void up(NodeConnection connection, NetconfSession session);

        /**
         * The session that was up went away.
         *
         * @param connection the connection
         */
        void down(NodeConnection connection);
    }

    private final NodeEndpoint endpoint;
    private final NodeStateRecorder recorder;
    private final Executor stateThread;
    private final SessionEvents events;
    private final NodeHostKeyCheck hostKeys;
    // state below: used on the state thread only
    private ReconnectingSession reconnecting;
    private ConnectionStatus status;
    private DateAndTime lastChange;
    private String lastMessage;
    private boolean closed;
    private volatile NetconfSession session;

    NodeConnection(final NodeEndpoint endpoint, final ConnectionSettings settings, final NodeStateRecorder recorder,
            final Executor stateThread, final SessionEvents events) {
        this.endpoint = requireNonNull(endpoint);
        this.recorder = requireNonNull(recorder);
        this.stateThread = requireNonNull(stateThread);
        this.events = requireNonNull(events);
        this.hostKeys = new NodeHostKeyCheck(endpoint.host(), endpoint.port(), endpoint.hostKey(),
            settings.knownHosts());
    }

    /** The node's endpoint this connection was made for. */
    NodeEndpoint endpoint() {
        return endpoint;
    }

    /** The session, while it is up. */
    Optional<NetconfSession> session() {
        return Optional.ofNullable(session);
    }

    /**
     * Starts connecting, on the state thread.
     *
     * @param client    the NETCONF client
     * @param settings  the login, timeouts and backoff
     * @param keySource the local KME's key source, when the controller has one
     */
    void start(final NetconfClient client, final ConnectionSettings settings, final Optional<QkdKeySource> keySource) {
        final ConnectOptions.Builder options = ConnectOptions.builder(endpoint.host(), endpoint.port(),
                endpoint.username())
            .hostKeys(HostKeyVerification.checked(hostKeys))
            .connectTimeout(settings.connectTimeout())
            .helloTimeout(settings.connectTimeout());
        settings.login().password().ifPresent(password -> {
            options.password(password);
            Arrays.fill(password, '\0');
        });
        settings.login().keyFile().ifPresent(file -> options.keyFile(file, null));
        if (endpoint.policy() != KexPolicy.OFF) {
            final Optional<String> missing = keySource.isEmpty() ? Optional.of("the controller has no local KME (kme: "
                + "in its configuration)") : endpoint.saeId().isEmpty() ? Optional.of("the node has no netconf/sae-id")
                : Optional.empty();
            if (missing.isPresent() && endpoint.policy() == KexPolicy.REQUIRED) {
                record(new StateBuilder().setConnection(ConnectionStatus.Disconnected).setMessage("the hybrid QKD key "
                    + "exchange is required but " + missing.get() + "; not connecting until the configuration "
                    + "changes"));
                return;
            }
            if (missing.isEmpty()) {
                options.qkd(new ClientQkd(SshQkdSettings.of(endpoint.policy()), keySource.orElseThrow(),
                    endpoint.saeId().orElseThrow()));
            } else {
                LOG.warn("node {}: the hybrid QKD key exchange is preferred but {}; standard methods only",
                    endpoint.node().getValue(), missing.get());
            }
        }
        record(new StateBuilder().setConnection(ConnectionStatus.Connecting));
        reconnecting = client.reconnecting(options.build(), settings.reconnect(),
            connected -> CompletableFuture.completedFuture(null));
        reconnecting.addStateListener(change -> {
            try {
                stateThread.execute(() -> changed(change));
            } catch (RejectedExecutionException e) {
                // the controller is closing
            }
        });
        reconnecting.start();
    }

    /** Stops the session and the retries, on the state thread; tells the events if a session was up. */
    void close() {
        closed = true;
        if (reconnecting != null) {
            reconnecting.stop();
        }
        if (session != null) {
            session = null;
            events.down(this);
        }
    }

    private void changed(final StateChange change) {
        if (closed) {
            return;
        }
        switch (change.state()) {
            case CONNECTING -> record(new StateBuilder().setConnection(ConnectionStatus.Connecting)
                .setMessage(lastMessage()));
            case CONNECTED -> connected(change.session().orElseThrow());
            case WAITING -> failed(change.cause());
            case NEW, STOPPED -> {
                // NEW is never reported; STOPPED follows close() or a refused host key, both recorded already
            }
        }
    }

    private void connected(final NetconfSession up) {
        final Set<Uri> capabilities = new LinkedHashSet<>();
        for (URI capability : up.serverCapabilities()) {
            capabilities.add(new Uri(capability.toString()));
        }
        final StateBuilder state = new StateBuilder().setConnection(ConnectionStatus.Connected)
            .setSessionId(Uint32.valueOf(up.sessionId())).setCapability(capabilities)
            .setKeyExchange(up.keyExchangeMethod().orElse(null))
            .setQkdKeyId(up.qkdExchange().map(exchange -> new Uuid(exchange.keyId().toString())).orElse(null));
        hostKeys.last().ifPresent(verdict -> state.setHostKeyCheck(verdict.accepted().orElse(null))
            .setHostKeyFingerprint(verdict.fingerprint()));
        lastMessage = null;
        record(state);
        session = up;
        LOG.info("node {}: connected to {}:{}, session {}, {}{}", endpoint.node().getValue(), endpoint.host(),
            endpoint.port(), up.sessionId(), up.keyExchangeMethod().orElse("(key exchange unknown)"),
            up.qkdExchange().map(exchange -> ", QKD key_ID " + exchange.keyId()).orElse(""));
        events.up(this, up);
    }

    private void failed(final Optional<Throwable> cause) {
        if (session != null) {
            session = null;
            events.down(this);
        }
        final Optional<Verdict> refused = hostKeys.last().filter(verdict -> verdict.refusal().isPresent());
        if (cause.isPresent() && hostKeyRefused(cause.get()) && refused.isPresent()) {
            reconnecting.stop();
            lastMessage = refused.get().refusal().orElseThrow() + "; not retrying until the node's configuration "
                + "changes";
            record(new StateBuilder().setConnection(ConnectionStatus.Unauthorized).setMessage(lastMessage)
                .setHostKeyFingerprint(refused.get().fingerprint()));
            return;
        }
        lastMessage = cause.map(NodeConnection::describe).orElse("the session ended");
        final StateBuilder state = new StateBuilder().setConnection(ConnectionStatus.Disconnected)
            .setMessage(lastMessage);
        hostKeys.last().ifPresent(verdict -> state.setHostKeyFingerprint(verdict.fingerprint()));
        record(state);
    }

    private String lastMessage() {
        return lastMessage;
    }

    private void record(final StateBuilder state) {
        final boolean statusChanged = state.getConnection() != status;
        if (statusChanged || lastChange == null) {
            status = state.getConnection();
            lastChange = NodeStateRecorder.now();
        }
        recorder.record(endpoint.node(), state.setLastChange(lastChange).build(), statusChanged);
    }

    /** Whether the SSH connection was refused because its host key did not pass the check (RFC 4253 section 11.1). */
    private static boolean hostKeyRefused(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SshException ssh
                    && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_HOST_KEY_NOT_VERIFIABLE) {
                return true;
            }
        }
        return false;
    }

    /** A failure's messages, outermost first, without repeats; the client's never hold a password or key. */
    private static String describe(final Throwable failure) {
        final Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && messages.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                messages.add(t.getMessage());
            }
        }
        return messages.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", messages);
    }
}
