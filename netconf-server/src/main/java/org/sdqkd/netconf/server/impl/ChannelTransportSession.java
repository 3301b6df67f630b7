package org.sdqkd.netconf.server.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.server.ExitCallback;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.netconf.server.api.TransportSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TransportSession} of one {@code netconf} channel: MINA's channel streams and the callback that ends the
 * channel. Closing flushes the output and lets MINA send EOF, {@code exit-status} 0 and close the channel
 * (RFC 4254 section 6.10).
 */
final class ChannelTransportSession implements TransportSession {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelTransportSession.class);

    private final SessionInfo info;
    private final InputStream input;
    private final OutputStream output;
    private final ExitCallback exitCallback;
    private final AtomicBoolean closed = new AtomicBoolean();

    ChannelTransportSession(SessionInfo info, InputStream input, OutputStream output, ExitCallback exitCallback) {
        this.info = info;
        this.input = input;
        this.output = output;
        this.exitCallback = exitCallback;
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            output.flush();
        } catch (IOException e) {
            LOG.debug("NETCONF session {}: output not flushed on close: {}", info.sessionId(), e.toString());
        }
        exitCallback.onExit(0);
    }

    /** Called once the channel has closed: ends reads in progress and stops {@link #close()} from acting. */
    void channelClosed() {
        closed.set(true);
        try {
            input.close();
        } catch (IOException e) {
            LOG.debug("NETCONF session {}: input not closed: {}", info.sessionId(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "TransportSession[" + info.sessionId() + ", " + info.user() + "@" + info.remoteAddress() + "]";
    }
}
