package org.sdqkd.benchmarks.controller;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.sdqkd.controller.api.NodeSessionListener;
import org.sdqkd.controller.api.NodeSessions;
import org.sdqkd.netconf.client.api.NetconfSession;

/** The controller's sessions as the driver opens them: a map, and its listeners told of each session. */
final class BenchNodeSessions implements NodeSessions {
    private final Map<NodeId, NetconfSession> sessions = new ConcurrentHashMap<>();
    private final List<NodeSessionListener> listeners = new CopyOnWriteArrayList<>();

    void connect(final NodeId node, final NetconfSession session) {
        sessions.put(node, session);
        listeners.forEach(listener -> listener.connected(node, session));
    }

    @Override
    public Optional<NetconfSession> session(final NodeId node) {
        return Optional.ofNullable(sessions.get(node));
    }

    @Override
    public void addListener(final NodeSessionListener listener) {
        listeners.add(listener);
        sessions.forEach(listener::connected);
    }

    @Override
    public void removeListener(final NodeSessionListener listener) {
        listeners.remove(listener);
    }
}
