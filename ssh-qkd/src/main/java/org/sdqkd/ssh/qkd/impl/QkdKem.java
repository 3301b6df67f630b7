package org.sdqkd.ssh.qkd.impl;

import java.security.MessageDigest;
import java.util.Arrays;
import org.apache.sshd.common.kex.BuiltinKEM;
import org.apache.sshd.common.kex.KeyEncapsulationMethod;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.etsi014.api.QkdKey;

/**
 * The post-quantum part of one hybrid key exchange as MINA's hybrid path sees it: a key encapsulation whose client
 * "public key" is ML-KEM-768's (or nothing) followed by the QKD fields, and whose secret is ML-KEM-768's (or nothing)
 * followed by the QKD key. MINA then derives {@code K = SHA-256(secret || X25519 secret)}. One instance serves one key
 * exchange; the QKD key is set before MINA asks for the public values or the secret.
 */
final class QkdKem implements KeyEncapsulationMethod {
    private static final byte[] NONE = new byte[0];

    private final boolean withMlKem;
    private byte[] qkdFields;
    private QkdKey key;

    QkdKem(final HybridMethod method) {
        this.withMlKem = method == HybridMethod.MLKEM768_X25519_QKD;
    }

    /** Sets the QKD key and the fields the client sends for it. */
    void setKey(final byte[] fields, final QkdKey qkdKey) {
        this.qkdFields = fields.clone();
        this.key = qkdKey;
    }

    /** Erases the QKD key, after the exchange or its failure. */
    void erase() {
        if (key != null) {
            key.erase();
        }
    }

    /** The length of the client's KEM public values: ML-KEM-768's public key if any, then the QKD fields. */
    int publicKeyLength() {
        return (withMlKem ? BuiltinKEM.mlkem768.getServer().getPublicKeyLength() : 0) + Wire.QKD_FIELDS_LENGTH;
    }

    @Override
    public Client getClient() {
        final Client pq = withMlKem ? BuiltinKEM.mlkem768.getClient() : null;
        return new Client() {
            @Override
            public void init() {
                if (pq != null) {
                    pq.init();
                }
            }

            @Override
            public byte[] getPublicKey() {
                return Wire.concat(pq == null ? NONE : pq.getPublicKey(), requireFields());
            }

            @Override
            public byte[] extractSecret(final byte[] encapsulated) {
                return Wire.concat(pq == null ? NONE : pq.extractSecret(encapsulated), requireKey().material());
            }

            @Override
            public int getEncapsulationLength() {
                return pq == null ? 0 : pq.getEncapsulationLength();
            }
        };
    }

    @Override
    public Server getServer() {
        final Server pq = withMlKem ? BuiltinKEM.mlkem768.getServer() : null;
        return new Server() {
            @Override
            public int getPublicKeyLength() {
                return (pq == null ? 0 : pq.getPublicKeyLength()) + Wire.QKD_FIELDS_LENGTH;
            }

            @Override
            public byte[] init(final byte[] publicKey) {
                final byte[] rest = pq == null ? publicKey : pq.init(publicKey);
                if (rest.length < Wire.QKD_FIELDS_LENGTH) {
                    throw new IllegalArgumentException("no QKD key_ID in the client's public values");
                }
                // the server read these fields itself before it took the key; they must be the ones MINA parses
                if (!MessageDigest.isEqual(Arrays.copyOf(rest, Wire.QKD_FIELDS_LENGTH), requireFields())) {
                    throw new IllegalArgumentException("QKD fields differ from those the key was taken for");
                }
                return Arrays.copyOfRange(rest, Wire.QKD_FIELDS_LENGTH, rest.length);
            }

            @Override
            public byte[] getSecret() {
                return Wire.concat(pq == null ? NONE : pq.getSecret(), requireKey().material());
            }

            @Override
            public byte[] getEncapsulation() {
                return pq == null ? NONE : pq.getEncapsulation();
            }
        };
    }

    private byte[] requireFields() {
        if (qkdFields == null) {
            throw new IllegalStateException("no QKD key was taken for this key exchange");
        }
        return qkdFields;
    }

    private QkdKey requireKey() {
        if (key == null) {
            throw new IllegalStateException("no QKD key was taken for this key exchange");
        }
        return key;
    }
}
