package org.sdqkd.opot.api;

/**
 * The verifier's anti-replay window over packet counters, as IPsec's (RFC 4303, section 3.4.3): a counter above the
 * highest seen is accepted and moves the window; one inside the window is accepted once; one below it is refused.
 * Tolerates reordering of up to {@value #SIZE} packets. Not synchronised: one per flow, on the verifier's thread.
 */
public final class ReplayWindow {
    /** How many counters below the highest seen are still accepted once. */
    public static final int SIZE = 1024;

    private final long[] bits = new long[SIZE / 64];
    private long highest;
    private boolean empty = true;

    /**
     * Accepts a counter once.
     *
     * @param counter the packet counter (from an authenticated trailer)
     * @throws Rejection ({@link Rejection.Reason#REPLAYED}) when it was seen or is older than the window
     */
    public void accept(final long counter) throws Rejection {
        if (empty || Long.compareUnsigned(counter, highest) > 0) {
            final long distance = empty ? SIZE : counter - highest;
            if (Long.compareUnsigned(distance, SIZE) >= 0) {
                java.util.Arrays.fill(bits, 0);
            } else {
                for (long c = highest + 1; c != counter; c++) {
                    clear(c);
                }
            }
            highest = counter;
            empty = false;
            set(counter);
            return;
        }
        if (Long.compareUnsigned(highest - counter, SIZE) >= 0) {
            throw new Rejection(Rejection.Reason.REPLAYED, "counter " + Long.toUnsignedString(counter)
                + " is older than the replay window");
        }
        if (isSet(counter)) {
            throw new Rejection(Rejection.Reason.REPLAYED, "counter " + Long.toUnsignedString(counter)
                + " seen before");
        }
        set(counter);
    }

    private void set(final long counter) {
        final int bit = (int) (counter & SIZE - 1);
        bits[bit >>> 6] |= 1L << bit;
    }

    private void clear(final long counter) {
        final int bit = (int) (counter & SIZE - 1);
        bits[bit >>> 6] &= ~(1L << bit);
    }

    private boolean isSet(final long counter) {
        final int bit = (int) (counter & SIZE - 1);
        return (bits[bit >>> 6] & 1L << bit) != 0;
    }
}
