package org.sdqkd.netconf.server.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.ssh.qkd.SshQkd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code netconf} subsystem channel. MINA gives it the channel's streams, then {@link #start} hands them to the
 * {@link SessionHandler} on a virtual thread of the session's own. MINA calls {@link #destroy} once the channel has
 * closed, whoever closed it; that ends the session for the handler.
 */
final class NetconfSubsystem implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(NetconfSubsystem.class);

    private final SessionHandler handler;
    private final NetconfSubsystemFactory factory;
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private InputStream in;
    private OutputStream out;
    private ExitCallback exitCallback;
    private volatile ChannelTransportSession session;

    NetconfSubsystem(SessionHandler handler, NetconfSubsystemFactory factory) {
        this.handler = handler;
        this.factory = factory;
    }

    @Override
    public void setInputStream(InputStream input) {
        this.in = input;
    }

    @Override
    public void setOutputStream(OutputStream output) {
        this.out = output;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // RFC 6242 uses no extended data; nothing is written to stderr
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ServerSession ssh = channel.getServerSession();
        if (!(ssh.getClientAddress() instanceof InetSocketAddress remote)) {
            throw new IOException("not an IP connection: " + ssh.getClientAddress());
        }
        SessionInfo info = new SessionInfo(factory.allocateSessionId(), ssh.getUsername(), remote,
            ssh.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS), Instant.now(),
            () -> SshQkd.lastExchange(ssh));
        ChannelTransportSession started = new ChannelTransportSession(info, in, out, exitCallback);
        session = started;
        LOG.info("NETCONF session {} opened for {} from {} (key exchange {}{})", info.sessionId(), info.user(),
            remote, info.keyExchange(), info.qkdExchange().get().map(q -> ", QKD key_ID " + q.keyId()).orElse(""));
        Thread.ofVirtual().name("netconf-session-" + info.sessionId()).start(() -> serve(started));
    }

    private void serve(ChannelTransportSession started) {
        long id = started.info().sessionId();
        try {
            handler.serve(started);
        } catch (IOException e) {
            LOG.debug("NETCONF session {} ended with an I/O error: {}", id, e.toString());
        } catch (RuntimeException e) {
            // the top of the session's thread: report what the handler let through, then close the channel
            LOG.warn("NETCONF session {}: the session handler failed", id, e);
        } finally {
            started.close();
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (!destroyed.compareAndSet(false, true)) {
            return;
        }
        factory.release();
        ChannelTransportSession ended = session;
        if (ended == null) {
            return;
        }
        ended.channelClosed();
        LOG.info("NETCONF session {} of {} closed", ended.info().sessionId(), ended.info().user());
        try {
            handler.sessionClosed(ended.info());
        } catch (RuntimeException e) {
            LOG.warn("NETCONF session {}: sessionClosed failed", ended.info().sessionId(), e);
        }
    }
}
