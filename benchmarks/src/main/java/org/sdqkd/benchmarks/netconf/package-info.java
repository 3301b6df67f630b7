/**
 * The NETCONF load driver ({@link org.sdqkd.benchmarks.netconf.NetconfBenchmark}): sdqkd's agent, in a JVM of its
 * own, against Debian's netconfd on the same probe-test list, measured with the project's own NETCONF client; and
 * many sessions to OpenDaylight's device simulator.
 */
package org.sdqkd.benchmarks.netconf;
