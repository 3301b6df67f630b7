package org.sdqkd.opot.api;

/**
 * The masks of one link by epoch (the low 7 bits of the seq byte). Rotation without loss: install the next epoch's
 * masks at both ends of every link, switch the ingress to it, and retire the old epoch once its packets have
 * drained. Written by the control plane, read per packet by the forwarder; not synchronised (publish a new ring, or
 * confine it to the forwarder's thread).
 */
public final class MaskRing {
    private final LinkMasks[] epochs = new LinkMasks[WireFormat.EPOCHS];

    /**
     * A ring holding one epoch.
     *
     * @param epoch the epoch, 0 to 127
     * @param masks its masks
     * @return the ring
     */
    public static MaskRing of(final int epoch, final LinkMasks masks) {
        final MaskRing ring = new MaskRing();
        ring.install(epoch, masks);
        return ring;
    }

    /**
     * Installs (or replaces) an epoch's masks.
     *
     * @param epoch the epoch, 0 to 127
     * @param masks its masks
     */
    public void install(final int epoch, final LinkMasks masks) {
        WireFormat.seq(0, epoch);
        epochs[epoch] = java.util.Objects.requireNonNull(masks, "masks");
    }

    /**
     * Retires an epoch: its masks are erased and packets of it are refused from now on.
     *
     * @param epoch the epoch, 0 to 127
     */
    public void retire(final int epoch) {
        WireFormat.seq(0, epoch);
        final LinkMasks old = epochs[epoch];
        epochs[epoch] = null;
        if (old != null) {
            old.erase();
        }
    }

    /**
     * An epoch's masks.
     *
     * @param epoch the epoch, 0 to 127
     * @return the masks
     * @throws Rejection ({@link Rejection.Reason#UNKNOWN_EPOCH}) when the epoch is not installed
     */
    public LinkMasks masks(final int epoch) throws Rejection {
        final LinkMasks masks = epochs[epoch];
        if (masks == null) {
            throw new Rejection(Rejection.Reason.UNKNOWN_EPOCH, "no masks for epoch " + epoch);
        }
        return masks;
    }
}
