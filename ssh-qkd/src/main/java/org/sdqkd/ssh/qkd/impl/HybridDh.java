package org.sdqkd.ssh.qkd.impl;

import java.util.function.Function;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.digest.Digest;
import org.apache.sshd.common.kex.AbstractDH;
import org.apache.sshd.common.kex.BuiltinKEM;
import org.apache.sshd.common.kex.DHFactory;
import org.apache.sshd.common.kex.KeyExchange;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.kex.KeyEncapsulationMethod;
import org.apache.sshd.common.kex.MontgomeryCurve;
import org.apache.sshd.common.kex.XDH;
import org.apache.sshd.common.session.Session;
import org.sdqkd.ssh.qkd.api.HybridMethod;

/**
 * The {@link DHFactory} of one hybrid key exchange: X25519 with raw secrets (RFC 8731), SHA-256, and the exchange's
 * own {@link QkdKem}, the way MINA builds {@code mlkem768x25519-sha256}.
 */
final class HybridDh implements DHFactory {
    private final HybridMethod method;
    private final QkdKem kem;

    HybridDh(final HybridMethod method, final QkdKem kem) {
        this.method = method;
        this.kem = kem;
    }

    /**
     * A named key exchange factory of the method, as MINA's own {@code newFactory} methods make them.
     *
     * @param method  the method
     * @param creator makes the key exchange of one session
     * @return the factory
     */
    static KeyExchangeFactory factory(final HybridMethod method, final Function<Session, KeyExchange> creator) {
        return new KeyExchangeFactory() {
            @Override
            public String getName() {
                return method.sshName();
            }

            @Override
            public KeyExchange createKeyExchange(final Session session) {
                return creator.apply(session);
            }

            @Override
            public String toString() {
                return NamedFactory.class.getSimpleName() + "<" + KeyExchange.class.getSimpleName() + ">["
                    + method.sshName() + "]";
            }
        };
    }

    /** Whether MINA can run the method here: X25519 and SHA-256, and ML-KEM-768 when it is used. */
    static boolean isSupported(final HybridMethod method) {
        return MontgomeryCurve.x25519.isSupported() && BuiltinDigests.sha256.isSupported()
            && (method != HybridMethod.MLKEM768_X25519_QKD || BuiltinKEM.mlkem768.isSupported());
    }

    @Override
    public String getName() {
        return method.sshName();
    }

    @Override
    public boolean isSupported() {
        return isSupported(method);
    }

    @Override
    public boolean isGroupExchange() {
        return false;
    }

    @Override
    public AbstractDH create(final Object... params) throws Exception {
        if (params != null && params.length > 0) {
            throw new IllegalArgumentException("no parameters are accepted for " + method.sshName());
        }
        return new XDH(MontgomeryCurve.x25519, true) {
            @Override
            public KeyEncapsulationMethod getKeyEncapsulation() {
                return kem;
            }

            @Override
            public Digest getHash() throws Exception {
                return BuiltinDigests.sha256.create();
            }
        };
    }
}
