package org.sdqkd.qkd.node.impl.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.RateSource;

@Timeout(60)
class LinkConditionTest {
    private static final RateSource RATE = new RateSource.Fixed(512_000);

    @TempDir
    Path dir;
    private Planes planes;

    @BeforeEach
    void setUp() {
        planes = new Planes(TestPki.create(dir, "Test CA"));
    }

    @AfterEach
    void tearDown() {
        planes.close();
    }

    @Test
    void linkDownAtEitherEndStopsBothAndClears() {
        final Planes.Pair pair = upPair();
        checkFault(pair, true, s -> Planes.withFault(s, LinkSpec.Fault.LINK_DOWN), LinkState.Condition.DOWN);
        checkFault(pair, false, s -> Planes.withFault(s, LinkSpec.Fault.LINK_DOWN), LinkState.Condition.DOWN);
    }

    @Test
    void skrZeroAtEitherEndStopsBothAndClears() {
        final Planes.Pair pair = upPair();
        checkFault(pair, false, s -> Planes.withFault(s, LinkSpec.Fault.SKR_ZERO), LinkState.Condition.NO_KEY_RATE);
        checkFault(pair, true, s -> Planes.withFault(s, LinkSpec.Fault.SKR_ZERO), LinkState.Condition.NO_KEY_RATE);
    }

    @Test
    void injectedQberAboveTheThresholdRaisesTheAlarmAtBothEnds() {
        final Planes.Pair pair = upPair();
        checkFault(pair, false, s -> Planes.withQber(s, OptionalDouble.of(0.11)), LinkState.Condition.QBER_ALARM);
        checkFault(pair, true, s -> Planes.withQber(s, OptionalDouble.of(0.07)), LinkState.Condition.QBER_ALARM);
        pair.changeB(s -> Planes.withQber(s, OptionalDouble.of(0.03)));
        Planes.await("injected QBER below the threshold at both ends", () -> pair.stateA().qber() == 0.03
            && pair.stateB().qber() == 0.03);
        pair.awaitCondition(LinkState.Condition.UP);
    }

    @Test
    void aDisabledLinkMakesNoKeysAndKeepsItsStore() {
        final Planes.Pair pair = upPair();
        checkFault(pair, false, s -> Planes.withEnabled(s, false), LinkState.Condition.DISABLED);
        checkFault(pair, true, s -> Planes.withEnabled(s, false), LinkState.Condition.DISABLED);
    }

    @Test
    void theStoreIsBoundedByItsCapacity() {
        final Planes.Pair pair = planes.pair(new RateSource.Fixed(Planes.FAST), 700);
        pair.awaitStored(700);
        Planes.pause(400);
        assertEquals(700, pair.stateA().storedKeys());
        assertEquals(700, pair.stateB().storedKeys());
        assertEquals(0, pair.stateA().skr());
        assertEquals(700 * 256L, pair.stateA().bitsGenerated());
        assertEquals(LinkState.Condition.UP, pair.stateA().condition());
    }

    @Test
    void aTraceSwitchesRateAndQber() {
        final RateSource trace = new RateSource.Trace(List.of(
            new RateSource.TracePoint(Duration.ZERO, 256_000, 0.01),
            new RateSource.TracePoint(Duration.ofMillis(1500), 0, 0.02),
            new RateSource.TracePoint(Duration.ofMillis(3000), 512_000, 0.08)), false);
        final Planes.Pair pair = planes.pair(trace, 1_000_000);
        Planes.await("no key rate at both ends", () -> pair.stateA().condition() == LinkState.Condition.NO_KEY_RATE
            && pair.stateB().condition() == LinkState.Condition.NO_KEY_RATE && pair.stateB().nominalSkr() == 0);
        pair.awaitCondition(LinkState.Condition.QBER_ALARM);
        Planes.await("the trace's QBER", () -> pair.stateA().qber() == 0.08 && pair.stateB().qber() == 0.08);
        assertEquals(512_000, pair.stateA().nominalSkr());
        assertEquals(0, pair.stateA().skr());
        assertTrue(pair.stateA().reason().orElseThrow().contains("QBER"));
    }

    @Test
    void aLoopingTraceStartsAgain() {
        final RateSchedule schedule = new RateSchedule(new RateSource.Trace(List.of(
            new RateSource.TracePoint(Duration.ZERO, 100, 0.01),
            new RateSource.TracePoint(Duration.ofSeconds(60), 200, 0.02)), true), 0.5);
        assertEquals(100, schedule.at(Duration.ofSeconds(30)).bitsPerSecond());
        assertEquals(200, schedule.at(Duration.ofSeconds(90)).bitsPerSecond());
        assertEquals(100, schedule.at(Duration.ofSeconds(121)).bitsPerSecond());
        final RateSchedule fixed = new RateSchedule(new RateSource.Fixed(7), 0.5);
        assertEquals(0.5, fixed.at(Duration.ofDays(3)).qber());
    }

    private Planes.Pair upPair() {
        final Planes.Pair pair = planes.pair(RATE, 1_000_000);
        pair.awaitCondition(LinkState.Condition.UP);
        pair.awaitStored(100);
        assertTrue(pair.stateA().skr() > 0);
        return pair;
    }

    /** Injects a fault at one end, checks both ends and that production stops, clears it, checks it resumes. */
    private static void checkFault(final Planes.Pair pair, final boolean atA, final UnaryOperator<LinkSpec> fault,
            final LinkState.Condition expected) {
        final LinkSpec before = atA ? pair.a().link(pair.link()).spec() : pair.b().link(pair.link()).spec();
        if (atA) {
            pair.changeA(fault);
        } else {
            pair.changeB(fault);
        }
        pair.awaitCondition(expected);
        assertTrue(pair.stateA().reason().isPresent());
        assertEquals(0, pair.stateA().skr());
        assertEquals(0, pair.stateB().skr());
        Planes.pause(300);
        final long storedA = pair.stateA().storedKeys();
        final long storedB = pair.stateB().storedKeys();
        Planes.pause(500);
        assertEquals(storedA, pair.stateA().storedKeys(), "A's store grew under " + expected);
        assertEquals(storedB, pair.stateB().storedKeys(), "B's store grew under " + expected);
        if (atA) {
            pair.changeA(s -> before);
        } else {
            pair.changeB(s -> before);
        }
        pair.awaitCondition(LinkState.Condition.UP);
        Planes.await("production again", () -> pair.stateA().storedKeys() > storedA
            && pair.stateB().storedKeys() > storedB);
    }
}
