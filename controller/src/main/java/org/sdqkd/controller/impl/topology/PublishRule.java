package org.sdqkd.controller.impl.topology;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a link's state is worth a {@code link-state-changed} notification, compared with the last one published for
 * the link: its status changed (known or not included); or its secret key rate changed by more than a fraction of
 * the larger of the two rates (0 to any rate counts), or became known or unknown; or its QBER did likewise and moved
 * by at least 0.001 too. The stored key count changes with every key made and is never a reason.
 *
 * @param relativeChange the fraction, such as 0.1
 */
record PublishRule(double relativeChange) {
    private static final BigDecimal QBER_FLOOR = new BigDecimal("0.001");

    PublishRule {
        if (!(relativeChange >= 0 && relativeChange < 1)) {
            throw new IllegalArgumentException("relative change must be in [0, 1): " + relativeChange);
        }
    }

    /**
     * Whether a state is to be published.
     *
     * @param published the state last published for the link, empty if none was
     * @param now       the state now
     * @return whether it differs enough
     */
    boolean due(final Optional<LinkState> published, final LinkState now) {
        if (published.isEmpty()) {
            return true;
        }
        final LinkState before = published.orElseThrow();
        return !before.status().equals(now.status()) || rateMoved(before.skr(), now.skr())
            || qberMoved(before.qber(), now.qber());
    }

    private boolean rateMoved(final OptionalLong before, final OptionalLong now) {
        if (before.isPresent() != now.isPresent()) {
            return true;
        }
        if (before.isEmpty()) {
            return false;
        }
        final long old = before.getAsLong();
        final long current = now.getAsLong();
        return Math.abs(current - old) > relativeChange * Math.max(old, current) || (old == 0) != (current == 0);
    }

    private boolean qberMoved(final Optional<BigDecimal> before, final Optional<BigDecimal> now) {
        if (before.isPresent() != now.isPresent()) {
            return true;
        }
        if (before.isEmpty()) {
            return false;
        }
        final BigDecimal delta = now.orElseThrow().subtract(before.orElseThrow()).abs();
        final BigDecimal larger = now.orElseThrow().max(before.orElseThrow());
        return delta.compareTo(QBER_FLOOR) >= 0
            && delta.compareTo(larger.multiply(BigDecimal.valueOf(relativeChange), MathContext.DECIMAL64)) > 0;
    }
}
