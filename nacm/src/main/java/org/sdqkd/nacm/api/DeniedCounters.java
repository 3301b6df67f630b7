package org.sdqkd.nacm.api;

/**
 * The counters of RFC 8341 section 3.2.4 ({@code denied-operations}, {@code denied-data-writes},
 * {@code denied-notifications}) since the engine started.
 *
 * @param operations protocol operations refused
 * @param dataWrites data writes refused (each refused request counts once)
 * @param notifications notifications dropped for a subscriber
 */
public record DeniedCounters(long operations, long dataWrites, long notifications) {
    /**
     * Checks the counters.
     *
     * @param operations not negative
     * @param dataWrites not negative
     * @param notifications not negative
     */
    public DeniedCounters {
        if (operations < 0 || dataWrites < 0 || notifications < 0) {
            throw new IllegalArgumentException("counters are not negative");
        }
    }
}
