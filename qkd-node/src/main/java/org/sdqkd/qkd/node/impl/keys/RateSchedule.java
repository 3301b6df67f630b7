package org.sdqkd.qkd.node.impl.keys;

import java.time.Duration;
import java.util.List;
import org.sdqkd.qkd.node.api.RateSource;

/**
 * A link's {@link RateSource} played against the time since the link started: the nominal secret key rate and the
 * QBER (a trace's, else the baseline) at a moment. A looping trace repeats with a period of its last point's time
 * plus the step before it (a trace of 1440 one-minute points repeats every 24 h).
 */
final class RateSchedule {
    private final RateSource source;
    private final double baselineQber;

    RateSchedule(final RateSource source, final double baselineQber) {
        this.source = source;
        this.baselineQber = baselineQber;
    }

    /** The rate source played. */
    RateSource source() {
        return source;
    }

    /**
     * The nominal rate and base QBER at a time.
     *
     * @param sinceStart the time since the link started
     * @return the point in force
     */
    RateSource.TracePoint at(final Duration sinceStart) {
        return switch (source) {
            case RateSource.Fixed fixed -> new RateSource.TracePoint(sinceStart, fixed.bitsPerSecond(), baselineQber);
            case RateSource.Trace trace -> pointOf(trace, sinceStart);
        };
    }

    private static RateSource.TracePoint pointOf(final RateSource.Trace trace, final Duration sinceStart) {
        final List<RateSource.TracePoint> points = trace.points();
        final RateSource.TracePoint last = points.getLast();
        long millis = sinceStart.toMillis();
        if (trace.loop() && points.size() > 1) {
            final long lastStep = last.at().toMillis() - points.get(points.size() - 2).at().toMillis();
            final long period = last.at().toMillis() + lastStep;
            millis = millis % period;
        }
        int low = 0;
        int high = points.size() - 1;
        while (low < high) {
            final int mid = (low + high + 1) >>> 1;
            if (points.get(mid).at().toMillis() <= millis) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return points.get(low);
    }
}
