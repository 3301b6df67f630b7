package org.sdqkd.opot.api;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The first node of an OPoT path, on one flow: wraps an application's message into an OPoT payload. Draws RND
 * uniformly in [0, p), computes CML<sub>1</sub> with its share, masks both with the masks of the link to node 2 for
 * the current epoch, and appends the {@link MessageBinding} trailer under a per-flow counter. Not synchronised: one
 * per flow, on the forwarder's thread.
 */
public final class Ingress {
    private final PrimeField field;
    private final int appId;
    private final ProfilePair profiles;
    private final MaskRing outbound;
    private final MessageBinding binding;
    private int seq;
    private long counter;

    /**
     * An ingress, starting on profile index 0 and epoch 0.
     *
     * @param field    the field
     * @param appId    the flow's AppID, 0 to 255
     * @param profiles node 1's profiles
     * @param outbound the masks of the link to node 2
     * @param binding  the key shared with the verifier
     */
    public Ingress(final PrimeField field, final int appId, final ProfilePair profiles, final MaskRing outbound,
            final MessageBinding binding) {
        if (appId < 0 || appId > 255) {
            throw new IllegalArgumentException("AppID must be 0 to 255, not " + appId);
        }
        this.field = Objects.requireNonNull(field, "field");
        this.appId = appId;
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    /**
     * Switches new packets to a profile and mask epoch, which every node of the path must already hold.
     *
     * @param profileIndex 0 or 1
     * @param epoch        0 to 127
     */
    public void use(final int profileIndex, final int epoch) {
        seq = WireFormat.seq(profileIndex, epoch);
    }

    /**
     * Wraps a message.
     *
     * @param message the application's message
     * @param random  where RND comes from (a {@link java.security.SecureRandom})
     * @return the UDP payload for node 2
     * @throws Rejection ({@link Rejection.Reason#UNKNOWN_EPOCH}) when the current profile or epoch is not installed
     */
    public byte[] wrap(final byte[] message, final RandomGenerator random) throws Rejection {
        final NodeProfile profile = profiles.profile(seq >>> 7);
        final LinkMasks out = outbound.masks(seq & 0x7F);
        final long rnd = field.random(random);
        final long cml = profile.update(0, rnd);
        final int header = WireFormat.headerLength(field);
        final byte[] packet = new byte[header + message.length + MessageBinding.TRAILER];
        WireFormat.writeHeader(field, packet, 0, appId, cml ^ out.keyCml(), rnd ^ out.keyRnd(), seq);
        System.arraycopy(message, 0, packet, header, message.length);
        counter++;
        binding.seal(field, packet, 0, header + message.length, counter, rnd);
        return packet;
    }
}
