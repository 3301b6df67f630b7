package org.sdqkd.opot.api;

import java.util.Objects;

/**
 * A transit node of an OPoT path, on one flow: unmasks eCML and eRND with the masks of the link from its predecessor
 * in the scheme, applies the out-of-range rule, adds its share and re-masks with the masks of the link to its
 * successor, in place on the packet. A forwarder holds one per flow (keyed by AppID and the 5-tuple); the profile
 * pair and mask rings are that flow's state, rotated by the control plane.
 */
public final class TransitNode {
    private final PrimeField field;
    private final ProfilePair profiles;
    private final MaskRing inbound;
    private final MaskRing outbound;
    private final OutOfRange rule;

    /**
     * A transit node.
     *
     * @param profiles the node's profiles
     * @param inbound  the masks of the link from its predecessor
     * @param outbound the masks of the link to its successor
     * @param rule     what to do with a decrypted value not below p
     * @param field    the field
     */
    public TransitNode(final PrimeField field, final ProfilePair profiles, final MaskRing inbound,
            final MaskRing outbound, final OutOfRange rule) {
        this.field = Objects.requireNonNull(field, "field");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * The transit step on one packet, in place.
     *
     * @param packet the buffer holding the UDP payload
     * @param offset where the payload starts
     * @param length its length
     * @throws Rejection when the packet is malformed, names keys the node does not hold, or (rule
     *                   {@link OutOfRange#REJECT}) decrypts to a value not below p
     */
    public void transit(final byte[] packet, final int offset, final int length) throws Rejection {
        WireFormat.check(field, packet, offset, length);
        final int seq = WireFormat.seq(field, packet, offset);
        final NodeProfile profile = profiles.profile(seq >>> 7);
        final LinkMasks in = inbound.masks(seq & 0x7F);
        final LinkMasks out = outbound.masks(seq & 0x7F);
        final long cml = inRange(field, rule, WireFormat.cml(field, packet, offset) ^ in.keyCml(), "CML");
        final long rnd = inRange(field, rule, WireFormat.rnd(field, packet, offset) ^ in.keyRnd(), "RND");
        WireFormat.writeCml(field, packet, offset, profile.update(cml, rnd) ^ out.keyCml());
        WireFormat.writeRnd(field, packet, offset, rnd ^ out.keyRnd());
    }

    /**
     * Applies the out-of-range rule to a decrypted value.
     *
     * @param field the field
     * @param rule  the rule
     * @param value the decrypted value
     * @param name  CML or RND, for the message
     * @return the value, reduced mod p by {@link OutOfRange#REDUCE}
     * @throws Rejection when the value is not below p and the rule is {@link OutOfRange#REJECT}
     */
    static long inRange(final PrimeField field, final OutOfRange rule, final long value, final String name)
            throws Rejection {
        if (field.contains(value)) {
            return value;
        }
        return switch (rule) {
            case REDUCE -> field.reduce(value);
            case REJECT -> throw new Rejection(Rejection.Reason.OUT_OF_RANGE,
                name + " decrypts to a value not below p");
        };
    }
}
