package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the node's agent bridge runs.
 *
 * @param stateInterval      how often the operational datastore is refreshed and events are looked for
 * @param perfUpdateInterval the shortest time between two {@code sdqkdn_link_perf_update} (or
 *                           {@code sdqkdn_link_overloaded}) notifications of one link
 * @param statisticsInterval the length of one {@code app_statistics/statistics} entry
 * @param statisticsKept     how many statistics entries each application keeps, the newest
 * @param traceDirectory     the directory relative trace file names are resolved against
 * @param traceLoader        reads trace files (the key plane's trace reader)
 */
public record NodeAgentSettings(Duration stateInterval, Duration perfUpdateInterval, Duration statisticsInterval,
        int statisticsKept, Path traceDirectory, TraceLoader traceLoader) {
    /** The default state interval: 1 s. */
    public static final Duration DEFAULT_STATE_INTERVAL = Duration.ofSeconds(1);
    /** The default shortest time between performance updates of a link: 10 s. */
    public static final Duration DEFAULT_PERF_UPDATE_INTERVAL = Duration.ofSeconds(10);
    /** The default statistics interval: 60 s. */
    public static final Duration DEFAULT_STATISTICS_INTERVAL = Duration.ofSeconds(60);
    /** The default number of statistics entries kept: 60. */
    public static final int DEFAULT_STATISTICS_KEPT = 60;

    /** Checks the components. */
    public NodeAgentSettings {
        positive(stateInterval, "stateInterval");
        requireNonNull(perfUpdateInterval);
        if (perfUpdateInterval.isNegative()) {
            throw new IllegalArgumentException("negative perfUpdateInterval: " + perfUpdateInterval);
        }
        positive(statisticsInterval, "statisticsInterval");
        if (statisticsKept < 1) {
            throw new IllegalArgumentException("statisticsKept below 1: " + statisticsKept);
        }
        requireNonNull(traceDirectory);
        requireNonNull(traceLoader);
    }

    private static void positive(final Duration value, final String name) {
        requireNonNull(value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " not positive: " + value);
        }
    }

    /**
     * The default intervals.
     *
     * @param traceDirectory the directory relative trace file names are resolved against
     * @param traceLoader    reads trace files
     * @return the settings
     */
    public static NodeAgentSettings of(final Path traceDirectory, final TraceLoader traceLoader) {
        return new NodeAgentSettings(DEFAULT_STATE_INTERVAL, DEFAULT_PERF_UPDATE_INTERVAL,
            DEFAULT_STATISTICS_INTERVAL, DEFAULT_STATISTICS_KEPT, traceDirectory, traceLoader);
    }

    /**
     * These settings with other intervals (tests use short ones).
     *
     * @param state      the state interval
     * @param perfUpdate the shortest time between performance updates of a link
     * @param statistics the statistics interval
     * @return the changed settings
     */
    public NodeAgentSettings withIntervals(final Duration state, final Duration perfUpdate,
            final Duration statistics) {
        return new NodeAgentSettings(state, perfUpdate, statistics, statisticsKept, traceDirectory, traceLoader);
    }
}
