package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/** Where an emulated link's secret key rate (SKR) comes from. */
public sealed interface RateSource {
    /**
     * A constant rate.
     *
     * @param bitsPerSecond the SKR in bits per second
     */
    record Fixed(long bitsPerSecond) implements RateSource {
        /** Checks the component. */
        public Fixed {
            if (bitsPerSecond < 0) {
                throw new IllegalArgumentException("negative SKR: " + bitsPerSecond);
            }
        }
    }

    /**
     * A recorded trace played back: each point holds from its time until the next one.
     *
     * @param points the points, the first at time zero, in increasing time
     * @param loop   whether the trace starts again after its last point (else the last point holds)
     */
    record Trace(List<TracePoint> points, boolean loop) implements RateSource {
        /** Checks the components. */
        public Trace {
            points = List.copyOf(points);
            if (points.isEmpty() || !points.getFirst().at().isZero()) {
                throw new IllegalArgumentException("a trace starts with a point at time 0");
            }
            for (int i = 1; i < points.size(); i++) {
                if (points.get(i).at().compareTo(points.get(i - 1).at()) <= 0) {
                    throw new IllegalArgumentException("trace times do not increase at point " + (i + 1));
                }
            }
        }
    }

    /**
     * One point of a trace.
     *
     * @param at            the time since the start of the trace
     * @param bitsPerSecond the SKR from then on
     * @param qber          the QBER from then on, 0 to 1
     */
    record TracePoint(Duration at, long bitsPerSecond, double qber) {
        /** Checks the components. */
        public TracePoint {
            requireNonNull(at);
            if (at.isNegative() || bitsPerSecond < 0 || !(qber >= 0 && qber <= 1)) {
                throw new IllegalArgumentException("bad trace point: " + at + ", " + bitsPerSecond + ", " + qber);
            }
        }
    }
}
