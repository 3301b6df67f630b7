package org.sdqkd.controller.impl.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.FAILURE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.LINKSTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OFF;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PASSIVE;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.common.Uint32;

/** The topology's memory: how the ends' views combine, what is shown, written and published, and when. */
class TopologyStateTest {
    private static final NodeId A = new NodeId("00000000-0000-4000-8000-00000000000a");
    private static final NodeId B = new NodeId("00000000-0000-4000-8000-00000000000b");
    private static final NodeId C = new NodeId("00000000-0000-4000-8000-00000000000c");
    private static final LinkId AB = new LinkId("00000000-0000-4000-8000-0000000000ab");
    private static final LinkId BC = new LinkId("00000000-0000-4000-8000-0000000000bc");

    private final MovingClock clock = new MovingClock();
    private final TopologyState state = new TopologyState(new PublishRule(0.1), clock);

    @Test
    void combinesBothEndsWorstStatusLowestRateAndKeysHighestQber() {
        configureAb();
        state.report(report(A, OPERATING.VALUE, end(A, AB, ACTIVE.VALUE, 1000, "0.020", 50, B)));
        state.report(report(B, OPERATING.VALUE, end(B, AB, PASSIVE.VALUE, 900, "0.030", 40, A)));
        final TopologyUpdate update = state.update();
        final ShownLink link = update.links().getFirst();
        assertEquals(Optional.of(PASSIVE.VALUE), link.state().status());
        assertEquals(OptionalLong.of(900), link.state().skr());
        assertEquals(Optional.of(new BigDecimal("0.030")), link.state().qber());
        assertEquals(OptionalLong.of(40), link.state().storedKeys());
        assertEquals(Optional.empty(), link.endpoints(), "a configured link's ends are configuration");
        assertEquals(clock.instant(), link.lastChange());
        assertEquals(List.of(link), update.publish());
        assertEquals(Map.of(A, OPERATING.VALUE, B, OPERATING.VALUE), update.nodeStatus());
        assertTrue(state.update().isEmpty(), "nothing changed");
    }

    @Test
    void aDisconnectedEndLeavesTheOtherEndsViewThenNothingKnown() {
        configureAb();
        state.report(report(A, OPERATING.VALUE, end(A, AB, ACTIVE.VALUE, 1000, "0.020", 50, B)));
        state.report(report(B, OPERATING.VALUE, end(B, AB, OFF.VALUE, 0, "0.020", 10, A)));
        state.update();
        clock.advance();
        state.disconnected(B);
        TopologyUpdate update = state.update();
        assertEquals(Optional.of(ACTIVE.VALUE), update.links().getFirst().state().status());
        assertEquals(OptionalLong.of(1000), update.links().getFirst().state().skr());
        assertEquals(clock.instant(), update.links().getFirst().lastChange(), "the status changed");
        assertEquals(Map.of(B, FAILURE.VALUE), update.nodeStatus());
        assertEquals(1, update.publish().size());
        clock.advance();
        state.disconnected(A);
        update = state.update();
        assertEquals(LinkState.UNKNOWN, update.links().getFirst().state(), "no connected end: unknown, still shown");
        assertEquals(clock.instant(), update.links().getFirst().lastChange());
        assertEquals(1, update.publish().size(), "known to unknown is a change");
    }

    @Test
    void keepsLastChangeWhileOnlyTheRateMovesAndPublishesOnlyBeyondTheRelativeChange() {
        configureAb();
        state.report(report(A, OPERATING.VALUE, end(A, AB, ACTIVE.VALUE, 1000, "0.020", 50, B)));
        final Instant first = state.update().links().getFirst().lastChange();
        clock.advance();
        state.report(report(A, OPERATING.VALUE, end(A, AB, ACTIVE.VALUE, 1050, "0.020", 60, B)));
        TopologyUpdate update = state.update();
        assertEquals(first, update.links().getFirst().lastChange());
        assertEquals(List.of(), update.publish(), "5 % is below the 10 % rule");
        state.report(report(A, OPERATING.VALUE, end(A, AB, ACTIVE.VALUE, 1200, "0.020", 70, B)));
        update = state.update();
        assertEquals(1, update.publish().size(), "20 % above the last published 1000");
        state.report(report(A, OPERATING.VALUE, end(A, AB, ACTIVE.VALUE, 1200, "0.020", 900, B)));
        update = state.update();
        assertEquals(1, update.links().size(), "stored keys are written");
        assertEquals(List.of(), update.publish(), "but are no reason to publish");
    }

    @Test
    void showsALinkTheConfigurationLacksWithItsReportedEndsWhileReported() {
        state.configure(Map.of(), Set.of(B, C));
        state.report(report(C, OPERATING.VALUE, end(C, BC, ACTIVE.VALUE, 500, "0.010", 5, B)));
        final ShownLink link = state.update().links().getFirst();
        assertEquals(BC, link.id());
        assertEquals(new Endpoints(B, Optional.of(Uint32.valueOf(2)), Optional.of(C), Optional.of(Uint32.ONE)),
            link.endpoints().orElseThrow(), "end A is the lower node id");
        state.report(report(C, OPERATING.VALUE));
        assertEquals(Set.of(BC), state.update().removed());
    }

    @Test
    void ignoresAReportFromANodeThatIsNoEndOfTheConfiguredLink() {
        configureAb();
        state.report(report(C, OPERATING.VALUE, end(C, AB, OFF.VALUE, 0, "0.5", 0, A)));
        assertEquals(List.of(), state.update().links());
    }

    @Test
    void showsNoStatusOfNodesTheConfigurationLacks() {
        configureAb();
        state.report(report(C, OPERATING.VALUE));
        assertEquals(Map.of(), state.update().nodeStatus());
    }

    @Test
    void writesEverythingAgainAfterAFailedWrite() {
        configureAb();
        state.report(report(A, OPERATING.VALUE, end(A, AB, ACTIVE.VALUE, 1000, "0.020", 50, B)));
        state.update();
        state.rewriteAll();
        final TopologyUpdate again = state.update();
        assertEquals(1, again.links().size());
        assertEquals(Map.of(A, OPERATING.VALUE), again.nodeStatus());
        assertTrue(state.update().isEmpty());
    }

    private void configureAb() {
        state.configure(Map.of(AB, new TopologyState.ConfiguredLink(AB, Optional.of(A), Optional.of(B))),
            Set.of(A, B));
    }

    private static NodeReport report(final NodeId node,
            final org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QKDNSTATUSTYPES status,
            final LinkEnd... ends) {
        final Map<LinkId, LinkEnd> links = new java.util.HashMap<>();
        for (LinkEnd end : ends) {
            links.put(end.link(), end);
        }
        return new NodeReport(node, Optional.of(status), links);
    }

    private static LinkEnd end(final NodeId node, final LinkId link, final LINKSTATUSTYPES status, final long skr,
            final String qber, final long stored, final NodeId remote) {
        return new LinkEnd(node, link, Optional.of(status), OptionalLong.of(skr), Optional.of(new BigDecimal(qber)),
            OptionalLong.of(stored), Optional.of(Uint32.ONE), Optional.of(remote), Optional.of(Uint32.valueOf(2)),
            true);
    }

    /** A clock that moves one second when told. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        void advance() {
            now = now.plusSeconds(1);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
