package org.sdqkd.benchmarks.netconf;

import org.sdqkd.benchmarks.Latencies;

/**
 * The figures of one measured phase on one server.
 *
 * @param server        the server's name
 * @param phase         {@code get-config} or {@code edit-commit}
 * @param sessions      how many sessions ran it in parallel
 * @param operations    operations completed in the measured phase
 * @param seconds       the measured phase's wall time
 * @param latency       latency of one operation (one get-config; one edit-config plus commit, retries included)
 * @param retries       edit-config + commit attempts repeated because the server refused them (collisions)
 * @param serverCpuSeconds CPU time the server's processes used during the measured phase
 * @param clientCpuSeconds CPU time the client's JVM (this one) used during the measured phase
 * @param loadAverage   the one-minute load average at the end of the phase
 */
record PhaseResult(String server, String phase, int sessions, long operations, double seconds,
        Latencies.Summary latency, long retries, double serverCpuSeconds,
        double clientCpuSeconds, double loadAverage) {

    /** Operations per second. */
    double throughput() {
        return seconds > 0 ? operations / seconds : 0;
    }

    /** Server CPU milliseconds per operation. */
    double serverCpuMillisPerOp() {
        return operations > 0 ? serverCpuSeconds * 1000 / operations : 0;
    }

    /** Client CPU milliseconds per operation. */
    double clientCpuMillisPerOp() {
        return operations > 0 ? clientCpuSeconds * 1000 / operations : 0;
    }
}
