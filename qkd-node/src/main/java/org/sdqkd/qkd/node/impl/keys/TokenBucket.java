package org.sdqkd.qkd.node.impl.keys;

/**
 * Turns a rate in bits per second into whole 256-bit units: bits accrue with time while production runs, at most
 * one second's worth, and each 256 of them is one unit. A paused bucket accrues nothing.
 */
final class TokenBucket {
    /** The bits of one key unit. */
    static final int UNIT_BITS = 256;

    private double bits;

    /**
     * Adds the bits of {@code nanos} at {@code bitsPerSecond} and takes out the whole units they make.
     *
     * @param bitsPerSecond the rate now
     * @param nanos         the time since the last call
     * @param room          the most units there is room for
     * @return the units to produce now
     */
    int take(final long bitsPerSecond, final long nanos, final int room) {
        bits = Math.min(bits + bitsPerSecond * (nanos / 1e9), Math.max(bitsPerSecond, UNIT_BITS));
        final int units = (int) Math.min(room, Math.floor(bits / UNIT_BITS));
        if (units <= 0) {
            return 0;
        }
        bits -= (double) units * UNIT_BITS;
        return units;
    }

    /** Forgets the bits accrued: production paused. */
    void pause() {
        bits = 0;
    }
}
