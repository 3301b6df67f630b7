package org.sdqkd.controller.impl.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PASSIVE;

/** When a link's change is worth a {@code link-state-changed}: status always, SKR and QBER beyond 10 %. */
class PublishRuleTest {
    private final PublishRule rule = new PublishRule(0.1);

    @Test
    void publishesTheFirstStateAndEveryStatusChange() {
        assertTrue(rule.due(Optional.empty(), state(true, 1000, "0.02")));
        assertTrue(rule.due(Optional.of(state(true, 1000, "0.02")), state(false, 1000, "0.02")));
        assertTrue(rule.due(Optional.of(state(true, 1000, "0.02")), LinkState.UNKNOWN), "known to unknown");
    }

    @Test
    void publishesARateChangeBeyondTheFractionOfTheLargerRate() {
        assertFalse(rule.due(Optional.of(state(true, 1000, "0.02")), state(true, 1100, "0.02")), "100 of 1100");
        assertTrue(rule.due(Optional.of(state(true, 1000, "0.02")), state(true, 1120, "0.02")));
        assertTrue(rule.due(Optional.of(state(true, 1000, "0.02")), state(true, 880, "0.02")));
        assertTrue(rule.due(Optional.of(state(true, 0, "0.02")), state(true, 1, "0.02")), "zero to a rate");
    }

    @Test
    void publishesAQberChangeBeyondTheFractionAndAtLeastAThousandth() {
        assertFalse(rule.due(Optional.of(state(true, 1000, "0.0020")), state(true, 1000, "0.0029")),
            "50 % but under 0.001");
        assertFalse(rule.due(Optional.of(state(true, 1000, "0.020")), state(true, 1000, "0.0215")), "7 %");
        assertTrue(rule.due(Optional.of(state(true, 1000, "0.020")), state(true, 1000, "0.080")));
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new PublishRule(1.5));
        assertThrows(IllegalArgumentException.class, () -> new PublishRule(-0.1));
    }

    private static LinkState state(final boolean active, final long skr, final String qber) {
        return new LinkState(Optional.of(active ? ACTIVE.VALUE : PASSIVE.VALUE), OptionalLong.of(skr),
            Optional.of(new BigDecimal(qber)), OptionalLong.of(10));
    }
}
