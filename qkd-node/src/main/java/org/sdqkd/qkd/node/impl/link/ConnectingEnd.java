package org.sdqkd.qkd.node.impl.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.sdqkd.qkd.node.api.LinkChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connecting end of a link: connects to the listening end, serves the session, and reconnects after it ends,
 * waiting 0.2 s after a failure and doubling that up to 5 s, for as long as the link exists.
 */
public final class ConnectingEnd implements LinkTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectingEnd.class);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final LinkChannel.Connect target;
    private final SSLContext tls;
    private final UUID linkId;
    private final UUID remoteNode;
    private final SessionHandler handler;
    private final Object lock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closed;
    private SSLSocket current;

    private ConnectingEnd(final LinkChannel.Connect target, final SSLContext tls, final UUID linkId,
            final UUID remoteNode, final SessionHandler handler) {
        this.target = target;
        this.tls = tls;
        this.linkId = linkId;
        this.remoteNode = remoteNode;
        this.handler = handler;
    }

    static ConnectingEnd start(final LinkChannel.Connect target, final SSLContext tls, final UUID linkId,
            final UUID remoteNode, final SessionHandler handler) {
        final ConnectingEnd end = new ConnectingEnd(target, tls, linkId, remoteNode, handler);
        Thread.ofPlatform().daemon().name("link-connect-" + linkId).start(end::connectLoop);
        return end;
    }

    private void connectLoop() {
        long backoff = FIRST_BACKOFF_MS;
        while (!closed) {
            final LinkSession session = connectOnce();
            if (session != null) {
                LOG.info("link {}: connected to {}", linkId, session.peerName());
                handler.serve(session);
                backoff = FIRST_BACKOFF_MS;
            }
            if (closed) {
                return;
            }
            try {
                if (stopped.await(backoff, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
    }

    private LinkSession connectOnce() {
        final SSLSocket socket;
        try {
            socket = (SSLSocket) tls.getSocketFactory().createSocket();
        } catch (IOException e) {
            LOG.warn("link {}: cannot make a socket: {}", linkId, e.getMessage());
            return null;
        }
        synchronized (lock) {
            current = socket;
        }
        try {
            if (closed) {
                socket.close();
                return null;
            }
            socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(socket);
            if (!closed) {
                LOG.debug("link {}: cannot connect to {}:{}: {}", linkId, target.host(), target.port(),
                    e.getMessage());
            }
            return null;
        }
        try {
            return LinkSession.open(socket, linkId, remoteNode);
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("link {}: refused the peer at {}:{}: {}", linkId, target.host(), target.port(),
                    e.getMessage());
            }
            return null;
        }
    }

    private void closeQuietly(final SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("link {}: closing: {}", linkId, e.getMessage());
        }
    }

    @Override
    public OptionalInt listenPort() {
        return OptionalInt.empty();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            stopped.countDown();
            if (current != null) {
                closeQuietly(current);
            }
        }
    }
}
