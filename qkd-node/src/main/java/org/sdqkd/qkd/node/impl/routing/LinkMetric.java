package org.sdqkd.qkd.node.impl.routing;

import org.sdqkd.qkd.node.api.LinkState;

/**
 * The routing metric of one QKD link: it grows as the link's key buffer empties, quadratically, from
 * {@link #FULL} (a full buffer) to {@link #EMPTY} (an empty one), so that paths steer away from links that are
 * running out well before they do; it is {@link #INFINITE} on a link that is not up or has no key rate.
 */
public final class LinkMetric {
    /** The metric of a link whose buffer is full. */
    public static final int FULL = 10;
    /** The metric of an up link whose buffer is empty. */
    public static final int EMPTY = 1_000;
    /** No path may use the link. */
    public static final int INFINITE = Integer.MAX_VALUE;

    private LinkMetric() {
    }

    /**
     * The metric of a link from its state.
     *
     * @param state the link's live state
     * @return the metric, {@link #INFINITE} unless the link is {@link LinkState.Condition#UP} with a positive rate
     */
    public static int of(final LinkState state) {
        if (state.condition() != LinkState.Condition.UP || state.skr() <= 0) {
            return INFINITE;
        }
        return ofFill(state.storedKeys(), state.capacityKeys());
    }

    /**
     * The metric of an up link with a positive key rate from its buffer fill.
     *
     * @param stored   keys in the buffer (clamped to 0..capacity)
     * @param capacity the buffer's capacity (a capacity of 0 counts as empty)
     * @return the metric, {@link #FULL} to {@link #EMPTY}
     */
    public static int ofFill(final long stored, final long capacity) {
        if (capacity <= 0) {
            return EMPTY;
        }
        final double fill = Math.min(1.0, Math.max(0.0, (double) stored / capacity));
        final double empty = 1.0 - fill;
        return FULL + (int) Math.round((EMPTY - FULL) * empty * empty);
    }

    /**
     * Whether a metric lets a path use the link.
     *
     * @param metric a metric
     * @return true unless it is {@link #INFINITE}
     */
    public static boolean usable(final int metric) {
        return metric != INFINITE;
    }
}
