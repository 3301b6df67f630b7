package org.sdqkd.opot.api;

import java.util.Objects;

/**
 * A packet refused by a node of an OPoT path, with the reason (what a forwarder counts drops by).
 */
public final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a packet was refused. */
    public enum Reason {
        /** Not an OPoT payload: too short, wrong type byte or an unknown AppID. */
        MALFORMED,
        /** The seq byte names a mask epoch or profile index the node does not hold (retired or not yet installed). */
        UNKNOWN_EPOCH,
        /** A decrypted CML or RND was not below p and the rule is {@link OutOfRange#REJECT}. */
        OUT_OF_RANGE,
        /** The verifier's CML is not (secret + RND) mod p: a node skipped, swapped, a wrong key or tampering. */
        PROOF_FAILED,
        /** The message binding's tag is wrong: the (eCML, eRND) pair was attached to another message. */
        BAD_BINDING,
        /** The packet counter was seen before or is older than the replay window. */
        REPLAYED
    }

    private final Reason reason;

    /**
     * A rejection.
     *
     * @param reason  why
     * @param message details (never key material)
     */
    public Rejection(final Reason reason, final String message) {
        // no stack trace: refusals are expected traffic (and an attacker's), so they must be cheap
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return why the packet was refused} */
    public Reason reason() {
        return reason;
    }
}
