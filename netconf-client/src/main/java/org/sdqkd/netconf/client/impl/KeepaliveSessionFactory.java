package org.sdqkd.netconf.client.impl;

import java.time.Duration;
import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.helpers.CurrentService;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Makes client sessions that take their SSH keepalive from the connection's context. MINA's connection service
 * copies the heartbeat settings while the session is being constructed, before {@code connect} returns it, so a
 * per-connection setting must be applied there: in {@code initializeCurrentService}, reading the context that
 * MINA's connector attached to the I/O session.
 */
final class KeepaliveSessionFactory extends SessionFactory {
    /** The keepalive of one connection, carried in its connection context. */
    static final AttributeRepository.AttributeKey<Keepalive> KEEPALIVE = new AttributeRepository.AttributeKey<>();

    /**
     * A keepalive setting.
     *
     * @param interval the time between {@code keepalive@openssh.com} requests; zero for none
     * @param maxMissed the unanswered requests in a row after which MINA closes the connection
     */
    record Keepalive(Duration interval, int maxMissed) {
    }

    KeepaliveSessionFactory(final ClientFactoryManager client) {
        super(client);
    }

    @Override
    protected ClientSessionImpl doCreateSession(final IoSession ioSession) throws Exception {
        return new KeepaliveClientSession(getClient(), ioSession);
    }

    /** A client session that applies its connection's keepalive before its services are built. */
    private static final class KeepaliveClientSession extends ClientSessionImpl {
        KeepaliveClientSession(final ClientFactoryManager client, final IoSession ioSession) throws Exception {
            super(client, ioSession);
        }

        @Override
        protected CurrentService initializeCurrentService() {
            final Object context = getIoSession().getAttribute(AttributeRepository.class);
            final Keepalive keepalive = context instanceof AttributeRepository repository
                ? repository.getAttribute(KEEPALIVE) : null;
            if (keepalive != null) {
                CoreModuleProperties.HEARTBEAT_INTERVAL.set(this, keepalive.interval());
                CoreModuleProperties.HEARTBEAT_REQUEST.set(this, "keepalive@openssh.com");
                CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(this, keepalive.maxMissed());
            }
            return super.initializeCurrentService();
        }
    }
}
