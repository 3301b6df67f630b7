package org.sdqkd.benchmarks.netconf;

import java.time.Duration;
import java.util.function.Supplier;
import org.sdqkd.netconf.client.api.ConnectOptions;

/**
 * A NETCONF server the benchmark measures.
 *
 * @param name    its name in the report
 * @param options how the client connects to it
 * @param cpuTime the CPU time its processes have used so far (the agent's JVM; netconfd, sshd and sshd's
 *                session processes)
 */
record ServerUnderTest(String name, ConnectOptions options, Supplier<Duration> cpuTime) {
    /**
     * The CPU time of a process and its live descendants.
     *
     * @param root the process
     * @return their CPU time so far, zero where the system does not tell
     */
    static Duration treeCpu(final ProcessHandle root) {
        Duration total = root.info().totalCpuDuration().orElse(Duration.ZERO);
        for (final ProcessHandle child : root.descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }
}
