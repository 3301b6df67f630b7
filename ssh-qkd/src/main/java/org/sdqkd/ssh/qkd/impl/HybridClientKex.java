package org.sdqkd.ssh.qkd.impl;

import java.time.Instant;
import org.apache.sshd.client.kex.DHGClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.QkdExchange;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of a hybrid method: MINA's {@link DHGClient} with the QKD key taken first. Before the client sends
 * {@code SSH_MSG_KEXDH_INIT} it takes a new key shared with the server's SAE from its own KME; the key's key_ID and
 * the hash of the client's SAE ID go into its public values, and so into H, which the server's host key signs. When
 * its own key source gives no usable key it notes the reason in the connection context, the only thing a configured
 * fallback is decided by.
 */
final class HybridClientKex extends DHGClient {
    private static final Logger LOG = LoggerFactory.getLogger(HybridClientKex.class);

    private final HybridMethod method;
    private final QkdKem kem;
    private ClientQkd config;
    private QkdKey key;

    private HybridClientKex(final HybridMethod method, final QkdKem kem, final Session session) {
        super(new HybridDh(method, kem), session);
        this.method = method;
        this.kem = kem;
    }

    /**
     * The factory of the method's client side.
     *
     * @param method the method
     * @return the factory
     */
    static KeyExchangeFactory factory(final HybridMethod method) {
        return HybridDh.factory(method, session -> new HybridClientKex(method, new QkdKem(method), session));
    }

    @Override
    public void init(final byte[] vS, final byte[] vC, final byte[] iS, final byte[] iC) throws Exception {
        final ClientSession session = (ClientSession) getSession();
        final AttributeRepository context = session.getConnectionContext();
        config = context == null ? null : context.getAttribute(Attributes.CLIENT);
        if (config == null || config.keySource() == null) {
            throw new SshException(SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED,
                method.sshName() + " was negotiated but the connection has no QKD key source");
        }
        final QkdKey taken;
        try {
            taken = config.keySource().newKey(config.peerSaeId());
        } catch (QkdKeyException ex) {
            Attributes.clientKeyFailed(session, ex.reason());
            LOG.warn("hybrid key exchange {} with SAE {} at {}: no QKD key from the client's KME: {}",
                method.sshName(), config.peerSaeId(), session.getRemoteAddress(), ex.getMessage());
            throw Failures.atClient(ex.reason(), ex.getMessage());
        }
        if (taken.length() != Wire.QKD_KEY_LENGTH) {
            taken.erase();
            Attributes.clientKeyFailed(session, QkdKeyException.Reason.INVALID);
            throw Failures.atClient(QkdKeyException.Reason.INVALID,
                "the KME gave a " + taken.length() * 8 + "-bit key, not " + Wire.QKD_KEY_BITS + " bits");
        }
        key = taken;
        kem.setKey(Wire.qkdFields(Wire.saeHash(config.keySource().localSaeId()), taken.id()), taken);
        try {
            super.init(vS, vC, iS, iC);
        } catch (Exception e) {
            kem.erase();
            throw e;
        }
    }

    @Override
    public boolean next(final int cmd, final Buffer buffer) throws Exception {
        try {
            final boolean done = super.next(cmd, buffer);
            if (done) {
                recordExchange();
            }
            return done;
        } catch (SshException e) {
            LOG.warn("hybrid key exchange {} with SAE {} at {} failed with QKD key_ID {}: {}", method.sshName(),
                config.peerSaeId(), getSession().getRemoteAddress(), key.id(), e.getMessage());
            throw e;
        } finally {
            kem.erase();
        }
    }

    private void recordExchange() {
        final Session session = getSession();
        final QkdExchange last = session.getAttribute(Attributes.LAST_EXCHANGE);
        final QkdExchange exchange = new QkdExchange(method, key.id(), config.peerSaeId(),
            last == null ? 1 : last.number() + 1, Instant.now());
        session.setAttribute(Attributes.LAST_EXCHANGE, exchange);
        session.removeAttribute(Attributes.KEY_FAILURE);
        LOG.info("hybrid key exchange {} #{} with SAE {} at {}: QKD key_ID {}", method.sshName(), exchange.number(),
            config.peerSaeId(), session.getRemoteAddress(), exchange.keyId());
    }
}
