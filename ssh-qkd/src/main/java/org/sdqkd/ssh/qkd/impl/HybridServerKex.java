package org.sdqkd.ssh.qkd.impl;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.kex.DHGServer;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.QkdExchange;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of a hybrid method: MINA's {@link DHGServer} with the QKD key taken first. On the client's
 * {@code SSH_MSG_KEXDH_INIT} it reads the SAE hash and key_ID from the client's public values, finds the SAE among the
 * configured peers, takes the key from its KME by key_ID, and only then lets MINA compute K and H and sign H. Every
 * QKD failure is a clean {@code SSH2_DISCONNECT_KEY_EXCHANGE_FAILED} with one fixed message for the unauthenticated
 * client; the reason and the KME's message go to the log at WARN.
 */
final class HybridServerKex extends DHGServer {
    private static final Logger LOG = LoggerFactory.getLogger(HybridServerKex.class);

    private final HybridMethod method;
    private final QkdKem kem;
    private final Map<SaeHash, String> peers;
    private final QkdKeySource keySource;
    private QkdKey key;
    private String peer;

    private HybridServerKex(final HybridMethod method, final QkdKem kem, final Map<SaeHash, String> peers,
            final QkdKeySource keySource, final Session session) {
        super(new HybridDh(method, kem), session);
        this.method = method;
        this.kem = kem;
        this.peers = peers;
        this.keySource = keySource;
    }

    /**
     * The factory of the method's server side.
     *
     * @param method    the method
     * @param peers     the SAEs a hybrid exchange is accepted from
     * @param keySource the server's key source
     * @return the factory
     */
    static KeyExchangeFactory factory(final HybridMethod method, final Iterable<String> peers,
            final QkdKeySource keySource) {
        final Map<SaeHash, String> byHash = SaeHash.index(peers);
        return HybridDh.factory(method, session -> new HybridServerKex(method, new QkdKem(method), byHash, keySource,
            session));
    }

    @Override
    public boolean next(final int cmd, final Buffer buffer) throws Exception {
        if (cmd != SshConstants.SSH_MSG_KEXDH_INIT || key != null) {
            return super.next(cmd, buffer);
        }
        try {
            final int start = buffer.rpos();
            final byte[] e = buffer.getBytes();
            buffer.rpos(start);
            takeKey(e);
            final boolean done = super.next(cmd, buffer);
            recordExchange();
            return done;
        } finally {
            kem.erase();
        }
    }

    private void takeKey(final byte[] e) throws SshException {
        final int expected = kem.publicKeyLength() + 32;
        if (e.length != expected) {
            throw new SshException(SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED,
                "Wrong E length for " + method.sshName() + " (should be " + expected + " bytes): " + e.length);
        }
        final int offset = kem.publicKeyLength() - Wire.QKD_FIELDS_LENGTH;
        final byte[] fields = Arrays.copyOfRange(e, offset, offset + Wire.QKD_FIELDS_LENGTH);
        final UUID keyId = Wire.keyIdOf(fields);
        peer = peers.get(new SaeHash(Wire.saeHashOf(fields)));
        if (peer == null) {
            throw refuse(QkdKeyException.Reason.REFUSED, keyId, "the client's SAE is not a configured peer");
        }
        final QkdKey taken;
        try {
            taken = keySource.keyById(peer, keyId);
        } catch (QkdKeyException ex) {
            throw refuse(ex.reason(), keyId, ex.getMessage());
        }
        if (!taken.id().equals(keyId) || taken.length() != Wire.QKD_KEY_LENGTH) {
            final String detail = "the KME's key does not fit key_ID " + keyId + " (" + taken.length()
                + " bytes, key_ID " + taken.id() + ")";
            taken.erase();
            throw refuse(QkdKeyException.Reason.INVALID, keyId, detail);
        }
        key = taken;
        kem.setKey(fields, taken);
    }

    /**
     * Notes and logs why the exchange failed, with the detail the client must not see (the KME's message may hold its
     * URL, the SAE IDs and why it refused), and makes the failure the client is told: the fixed
     * {@link Failures#SERVER_MESSAGE}.
     */
    private SshException refuse(final QkdKeyException.Reason reason, final UUID keyId, final String detail) {
        Attributes.keyFailed(getSession(), reason);
        LOG.warn("hybrid key exchange {} with SAE {} from {} failed: QKD key {} at the server, key_ID {}: {}",
            method.sshName(), peer == null ? "(not a peer)" : peer, getSession().getRemoteAddress(),
            reason.name().toLowerCase(Locale.ROOT), keyId, detail);
        return Failures.atServer();
    }

    private void recordExchange() {
        final Session session = getSession();
        final QkdExchange last = session.getAttribute(Attributes.LAST_EXCHANGE);
        final QkdExchange exchange = new QkdExchange(method, key.id(), peer, last == null ? 1 : last.number() + 1,
            Instant.now());
        session.setAttribute(Attributes.LAST_EXCHANGE, exchange);
        session.removeAttribute(Attributes.KEY_FAILURE);
        LOG.info("hybrid key exchange {} #{} with SAE {} from {}: QKD key_ID {}", method.sshName(),
            exchange.number(), peer, session.getRemoteAddress(), exchange.keyId());
    }
}
