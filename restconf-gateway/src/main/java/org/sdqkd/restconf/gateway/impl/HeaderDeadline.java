package org.sdqkd.restconf.gateway.impl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.NegotiatingServerConnection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts off slow clients that the idle timeout does not catch because they send a byte now and then: a connection
 * whose TLS handshake and protocol negotiation, or whose HTTP/1.1 request head, is not complete within the deadline
 * of its start is closed. Jetty has no request head timeout of its own, so a sweep on the connector's scheduler looks
 * at each connected end point's HTTP/1.1 parser (a head has begun when the parser has left its start state and not
 * yet reached the body). HTTP/2 streams are bounded by the idle timeout and HPACK's limits instead.
 */
final class HeaderDeadline extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final ServerConnector connector;
    private final long deadlineNanos;
    private final long sweepNanos;
    private final Map<EndPoint, Long> begun = new ConcurrentHashMap<>();
    private volatile Scheduler.Task task;

    /**
     * A deadline on a connector's connections.
     *
     * @param connector the connector
     * @param deadline  how long a request head (or a handshake) may take
     */
    HeaderDeadline(final ServerConnector connector, final Duration deadline) {
        this.connector = connector;
        this.deadlineNanos = deadline.toNanos();
        this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50), deadlineNanos / 4);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        final Scheduler.Task current = task;
        if (current != null) {
            current.cancel();
        }
        begun.clear();
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            task = connector.getScheduler().schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        try {
            final long now = System.nanoTime();
            begun.keySet().retainAll(connector.getConnectedEndPoints());
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (isWaitingForHead(endPoint)) {
                    final long since = begun.computeIfAbsent(endPoint, e -> now);
                    if (now - since > deadlineNanos) {
                        LOG.info("closing a connection from {}: its request head took longer than {} ms",
                            endPoint.getRemoteSocketAddress(), TimeUnit.NANOSECONDS.toMillis(deadlineNanos));
                        begun.remove(endPoint);
                        endPoint.close();
                    }
                } else {
                    begun.remove(endPoint);
                }
            }
        } finally {
            schedule();
        }
    }

    /** Whether the connection is in a handshake, a negotiation or the middle of a request head. */
    private static boolean isWaitingForHead(final EndPoint endPoint) {
        Connection connection = endPoint.getConnection();
        if (connection instanceof SslConnection ssl) {
            if (!ssl.getSSLEngine().getHandshakeStatus().equals(
                    javax.net.ssl.SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING)) {
                return true;
            }
            connection = ssl.getSslEndPoint().getConnection();
        }
        if (connection instanceof NegotiatingServerConnection) {
            return true;
        }
        if (connection instanceof HttpConnection http) {
            final HttpParser parser = http.getParser();
            return parser.inHeaderState() && !parser.isStart();
        }
        return false;
    }
}
