package org.sdqkd.qkd.node.impl.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sdqkd.qkd.node.api.LinkState;

class LinkMetricTest {
    @Test
    void growsAsTheBufferEmptiesFromFullToEmpty() {
        assertEquals(LinkMetric.FULL, LinkMetric.ofFill(1000, 1000));
        assertEquals(LinkMetric.EMPTY, LinkMetric.ofFill(0, 1000));
        assertEquals(LinkMetric.FULL + Math.round((LinkMetric.EMPTY - LinkMetric.FULL) * 0.25),
            LinkMetric.ofFill(500, 1000), "quadratic: half full costs a quarter of the range");
        int previous = LinkMetric.ofFill(1000, 1000);
        for (int stored = 999; stored >= 0; stored--) {
            final int metric = LinkMetric.ofFill(stored, 1000);
            assertTrue(metric >= previous, "never falls as the buffer empties");
            previous = metric;
        }
        assertTrue(LinkMetric.ofFill(100, 1000) - LinkMetric.ofFill(200, 1000)
            > LinkMetric.ofFill(800, 1000) - LinkMetric.ofFill(900, 1000), "steeper near empty");
    }

    @Test
    void clampsOddFills() {
        assertEquals(LinkMetric.FULL, LinkMetric.ofFill(2000, 1000));
        assertEquals(LinkMetric.EMPTY, LinkMetric.ofFill(-5, 1000));
        assertEquals(LinkMetric.EMPTY, LinkMetric.ofFill(5, 0));
    }

    @Test
    void isInfiniteOnALinkThatIsNotUpOrHasNoRate() {
        for (LinkState.Condition condition : LinkState.Condition.values()) {
            final int metric = LinkMetric.of(state(condition, 1000, 500));
            assertEquals(condition == LinkState.Condition.UP, LinkMetric.usable(metric), condition.name());
        }
        assertEquals(LinkMetric.INFINITE, LinkMetric.of(state(LinkState.Condition.UP, 0, 500)));
        assertEquals(LinkMetric.ofFill(500, 1000), LinkMetric.of(state(LinkState.Condition.UP, 1000, 500)));
        assertFalse(LinkMetric.usable(LinkMetric.INFINITE));
    }

    private static LinkState state(final LinkState.Condition condition, final long skr, final long stored) {
        return new LinkState(UUID.randomUUID(), condition, Optional.empty(), Optional.empty(), skr, skr, 0.02, 0.11,
            stored, 1000, 0, 0, 0, 0, OptionalInt.empty());
    }
}
