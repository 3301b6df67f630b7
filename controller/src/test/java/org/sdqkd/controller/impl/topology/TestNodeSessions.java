package org.sdqkd.controller.impl.topology;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.sdqkd.controller.api.NodeSessionListener;
import org.sdqkd.controller.api.NodeSessions;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.api.NetconfSession;

/**
 * The controller's sessions for the tests: one NETCONF session per node, opened and closed when a test says, with the
 * project's client (password authentication; the nodes' host keys are their own test keys, accepted as they are).
 * A session that drops is reported disconnected, as the controller's own sessions are.
 */
final class TestNodeSessions implements NodeSessions, AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "secret-pass";

    private final NetconfClient client = NetconfClient.create();
    private final Map<NodeId, NetconfSession> sessions = new ConcurrentHashMap<>();
    private final List<NodeSessionListener> listeners = new CopyOnWriteArrayList<>();

    /** Opens a session to a node's agent and tells the listeners. */
    synchronized NetconfSession connect(final NodeId node, final int port) throws Exception {
        final NetconfSession session = client.connect(ConnectOptions.builder("127.0.0.1", port, USER)
            .password(PASSWORD.toCharArray()).hostKeys(HostKeyVerification.acceptAny())
            .rpcTimeout(Duration.ofSeconds(20)).build()).get(60, TimeUnit.SECONDS);
        sessions.put(node, session);
        session.addCloseListener(cause -> dropped(node, session));
        listeners.forEach(listener -> listener.connected(node, session));
        return session;
    }

    /** Adds a session made elsewhere (such as a node that never answers) and tells the listeners. */
    synchronized void attach(final NodeId node, final NetconfSession session) {
        sessions.put(node, session);
        listeners.forEach(listener -> listener.connected(node, session));
    }

    /** Closes the session to a node and tells the listeners. */
    void disconnect(final NodeId node) {
        final NetconfSession session = sessions.get(node);
        if (session != null) {
            session.close();
            dropped(node, session);
        }
    }

    private synchronized void dropped(final NodeId node, final NetconfSession session) {
        if (sessions.remove(node, session)) {
            listeners.forEach(listener -> listener.disconnected(node));
        }
    }

    @Override
    public Optional<NetconfSession> session(final NodeId node) {
        return Optional.ofNullable(sessions.get(node));
    }

    @Override
    public synchronized void addListener(final NodeSessionListener listener) {
        listeners.add(listener);
        sessions.forEach(listener::connected);
    }

    @Override
    public void removeListener(final NodeSessionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        client.close();
    }
}
