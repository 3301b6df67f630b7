package org.sdqkd.controller.impl.topology;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;

/** The session of a node that hangs: it takes every rpc and never answers one. */
final class SilentSession implements NetconfSession {
    private final AtomicInteger rpcs = new AtomicInteger();
    private final CompletableFuture<NetconfSessionClosedException> closed = new CompletableFuture<>();

    /** How many rpcs were sent to it. */
    int rpcs() {
        return rpcs.get();
    }

    @Override
    public long sessionId() {
        return 99;
    }

    @Override
    public Set<URI> serverCapabilities() {
        return Set.of(URI.create("urn:ietf:params:netconf:base:1.1"));
    }

    @Override
    public URI framing() {
        return URI.create("urn:ietf:params:netconf:base:1.1");
    }

    @Override
    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation) {
        rpcs.incrementAndGet();
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation, final Duration timeout) {
        return rpc(operation);
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation, final DataReader<?> data) {
        return rpc(operation);
    }

    @Override
    public void addNotificationListener(final Consumer<Notification> listener) {
        // it never sends any
    }

    @Override
    public void removeNotificationListener(final Consumer<Notification> listener) {
        // it never sends any
    }

    @Override
    public CompletableFuture<NetconfSessionClosedException> closeFuture() {
        return closed;
    }

    @Override
    public void close() {
        closed.complete(null);
    }
}
