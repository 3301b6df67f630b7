package org.sdqkd.ssh.qkd.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * One completed hybrid key exchange of an SSH connection: what session monitoring and the logs show. Never the key.
 *
 * @param method    the negotiated method
 * @param keyId     the key_ID of the QKD key it used
 * @param peerSaeId the remote endpoint's SAE
 * @param number    1 for the connection's first key exchange, 2 for its first re-key, and so on
 * @param time      when it completed
 */
public record QkdExchange(HybridMethod method, UUID keyId, String peerSaeId, int number, Instant time) {

    /**
     * Checks the components.
     *
     * @param method    the method
     * @param keyId     the key_ID
     * @param peerSaeId the peer SAE
     * @param number    at least 1
     * @param time      the completion time
     */
    public QkdExchange {
        requireNonNull(method, "method");
        requireNonNull(keyId, "keyId");
        requireNonNull(peerSaeId, "peerSaeId");
        requireNonNull(time, "time");
        if (number < 1) {
            throw new IllegalArgumentException("exchange number below 1: " + number);
        }
    }
}
