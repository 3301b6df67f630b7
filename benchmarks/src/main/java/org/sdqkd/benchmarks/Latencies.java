package org.sdqkd.benchmarks;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded by one thread, merged after a phase; percentiles by nearest rank. */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    /** Records one latency. */
    public void add(final long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Adds every latency of another recorder. */
    public void addAll(final Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    /** How many latencies were recorded. */
    public int count() {
        return size;
    }

    /** The summary in milliseconds. */
    public Summary summary() {
        if (size == 0) {
            return new Summary(0, 0, 0, 0);
        }
        final long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (final long v : sorted) {
            sum += v;
        }
        return new Summary(sum / size / 1e6, rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6,
            sorted[size - 1] / 1e6);
    }

    private static long rank(final long[] sorted, final double quantile) {
        final int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Latency figures of a phase, in milliseconds.
     *
     * @param mean the mean
     * @param p50  the median
     * @param p99  the 99th percentile
     * @param max  the largest
     */
    public record Summary(double mean, double p50, double p99, double max) {
    }
}
