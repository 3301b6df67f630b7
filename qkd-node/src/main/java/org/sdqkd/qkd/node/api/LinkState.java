package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The live state of one emulated link at this end.
 *
 * @param id             {@code qkdl_id}
 * @param condition      what the link is doing
 * @param reason         why it is not {@link Condition#UP}, in words, when it is not
 * @param peerNodeName   the remote node's name from its certificate, once connected
 * @param skr            the secret key rate now, in bits per second (zero unless up)
 * @param nominalSkr     the configured (or trace) rate now, in bits per second
 * @param qber           the QBER now, 0 to 1
 * @param qberThreshold  the threshold of the QBER alarm
 * @param storedKeys     256-bit keys in the store, ready to be delivered
 * @param capacityKeys   the store's capacity in 256-bit keys
 * @param reservedKeys   keys reserved for slave SAEs and not yet fetched by all of them
 * @param keysDelivered  keys delivered to SAEs at this end since the link started
 * @param bitsGenerated  key bits added to the store since the link started
 * @param refusals       requests refused for lack of keys on this link (the overload counter)
 * @param listenPort     the bound port of a listening end
 */
public record LinkState(UUID id, Condition condition, Optional<String> reason, Optional<String> peerNodeName,
        long skr, long nominalSkr, double qber, double qberThreshold, long storedKeys, long capacityKeys,
        long reservedKeys, long keysDelivered, long bitsGenerated, long refusals, OptionalInt listenPort) {
    /** Checks the components. */
    public LinkState {
        requireNonNull(id);
        requireNonNull(condition);
        requireNonNull(reason);
        requireNonNull(peerNodeName);
        requireNonNull(listenPort);
    }

    /** What a link is doing. */
    public enum Condition {
        /** Connected and making keys. */
        UP,
        /** Connected, but the rate is zero (injected or from the trace): no key is made. */
        NO_KEY_RATE,
        /** Connected, but the QBER is above the threshold: no key is distilled. */
        QBER_ALARM,
        /** A link-down fault is injected at one of the ends. */
        DOWN,
        /** The two ends are not connected (yet, or any more); the connecting end retries. */
        CONNECTING,
        /** {@code qkdl_enable} is false at one of the ends. */
        DISABLED
    }
}
