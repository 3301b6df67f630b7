package org.sdqkd.opot.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The last node of an OPoT path (node k), on one flow: unmasks with the masks of the link from node k-1, adds its
 * share and accepts when CML<sub>k</sub> == (secret + RND) mod p; then checks the {@link MessageBinding} tag, so a
 * proof attached to another message is refused, and the counter in a {@link ReplayWindow}, so a packet replayed
 * whole is refused. Not synchronised: one per flow, on the forwarder's thread.
 */
public final class Verifier {
    private final PrimeField field;
    private final int appId;
    private final ProfilePair profiles;
    private final MaskRing inbound;
    private final OutOfRange rule;
    private final MessageBinding binding;
    private final ReplayWindow window = new ReplayWindow();

    /**
     * A verifier.
     *
     * @param field    the field
     * @param appId    the flow's AppID
     * @param profiles node k's profiles, each installed with its scheme's secret
     * @param inbound  the masks of the link from node k-1
     * @param rule     what to do with a decrypted value not below p
     * @param binding  the key shared with the ingress
     */
    public Verifier(final PrimeField field, final int appId, final ProfilePair profiles, final MaskRing inbound,
            final OutOfRange rule, final MessageBinding binding) {
        this.field = Objects.requireNonNull(field, "field");
        this.appId = appId;
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    /**
     * Verifies a packet and delivers its message.
     *
     * @param packet the UDP payload
     * @param offset where it starts
     * @param length its length
     * @return the application's message
     * @throws Rejection with the reason the packet is dropped
     */
    public byte[] verify(final byte[] packet, final int offset, final int length) throws Rejection {
        WireFormat.check(field, packet, offset, length);
        if (WireFormat.appId(packet, offset) != appId) {
            throw new Rejection(Rejection.Reason.MALFORMED, "AppID " + WireFormat.appId(packet, offset) + ", not "
                + appId);
        }
        final int seq = WireFormat.seq(field, packet, offset);
        final NodeProfile profile = profiles.profile(seq >>> 7);
        final LinkMasks in = inbound.masks(seq & 0x7F);
        final long cml = TransitNode.inRange(field, rule, WireFormat.cml(field, packet, offset) ^ in.keyCml(), "CML");
        final long rnd = TransitNode.inRange(field, rule, WireFormat.rnd(field, packet, offset) ^ in.keyRnd(), "RND");
        if (profile.update(cml, rnd) != field.add(profiles.secret(seq >>> 7), rnd)) {
            throw new Rejection(Rejection.Reason.PROOF_FAILED, "the proof of transit does not verify");
        }
        window.accept(binding.open(field, packet, offset, length, rnd));
        final int header = WireFormat.headerLength(field);
        return Arrays.copyOfRange(packet, offset + header, offset + length - MessageBinding.TRAILER);
    }
}
