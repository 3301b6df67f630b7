package org.sdqkd.benchmarks.netconf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sdqkd.benchmarks.Latencies;
import org.sdqkd.netconf.client.api.NetconfSession;

/**
 * Runs one phase on one server: every session in a thread of its own, one operation outstanding per session
 * (closed loop), first {@link Budget#warmup()} operations per session unmeasured, then the measured part, all
 * sessions starting it together.
 */
final class PhaseRunner {
    private PhaseRunner() {
        // no instances
    }

    /** One operation of a phase. */
    @FunctionalInterface
    interface Operation {
        /**
         * Runs one operation and waits for its end.
         *
         * @param session      the session to use
         * @param sessionIndex the session's index among the phase's sessions
         * @param sessions     how many sessions run the phase
         * @param iteration    how many operations this session ran before (warm-up included)
         * @return how many attempts were repeated because the server refused them
         * @throws Exception when the operation fails
         */
        int run(NetconfSession session, int sessionIndex, int sessions, long iteration) throws Exception;
    }

    /**
     * How much to run.
     *
     * @param warmup   unmeasured operations per session
     * @param duration the measured part's length, if it is timed
     * @param count    the measured part's operations over all sessions, if it is counted (when duration is zero)
     */
    record Budget(int warmup, Duration duration, long count) {
        /** Checks the components. */
        Budget {
            if (warmup < 0 || count < 0 || duration.isNegative() || duration.isZero() && count == 0) {
                throw new IllegalArgumentException("need a positive duration or count: " + duration + ", " + count);
            }
        }
    }

    /**
     * Runs a phase.
     *
     * @param server    the server
     * @param phase     the phase's name
     * @param sessions  the sessions, all open
     * @param operation what each session does
     * @param budget    how much
     * @return the figures
     * @throws Exception when an operation fails
     */
    static PhaseResult run(final ServerUnderTest server, final String phase, final List<NetconfSession> sessions,
            final Operation operation, final Budget budget) throws Exception {
        final int n = sessions.size();
        final AtomicLong startNanos = new AtomicLong();
        final AtomicReference<Duration> cpuBefore = new AtomicReference<>();
        final AtomicLong clientCpuBefore = new AtomicLong();
        final CyclicBarrier start = new CyclicBarrier(n, () -> {
            cpuBefore.set(server.cpuTime().get());
            clientCpuBefore.set(clientCpuNanos());
            startNanos.set(System.nanoTime());
        });
        final long deadline = budget.duration().isZero() ? Long.MAX_VALUE : budget.duration().toNanos();
        final List<Latencies> latencies = new ArrayList<>();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong endNanos = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int index = i;
            final Latencies mine = new Latencies();
            latencies.add(mine);
            final long quota = budget.count() == 0 ? Long.MAX_VALUE : budget.count() / n + (i < budget.count() % n
                ? 1 : 0);
            threads.add(Thread.ofPlatform().name(server.name() + "-" + phase + "-" + i).start(() -> {
                try {
                    long iteration = 0;
                    for (; iteration < budget.warmup(); iteration++) {
                        operation.run(sessions.get(index), index, n, iteration);
                    }
                    start.await();
                    final long begin = startNanos.get();
                    for (long done = 0; done < quota && System.nanoTime() - begin < deadline && failure.get() == null;
                            done++, iteration++) {
                        final long t0 = System.nanoTime();
                        final int repeated = operation.run(sessions.get(index), index, n, iteration);
                        mine.add(System.nanoTime() - t0);
                        retries.addAndGet(repeated);
                    }
                    endNanos.accumulateAndGet(System.nanoTime(), Math::max);
                } catch (InterruptedException | BrokenBarrierException e) {
                    failure.compareAndSet(null, e);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    start.reset();
                }
            }));
        }
        for (final Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(server.name() + " " + phase + " with " + n + " sessions failed",
                failure.get());
        }
        final double cpuSeconds = server.cpuTime().get().minus(cpuBefore.get()).toNanos() / 1e9;
        final double clientCpuSeconds = (clientCpuNanos() - clientCpuBefore.get()) / 1e9;
        final Latencies all = new Latencies();
        latencies.forEach(all::addAll);
        return new PhaseResult(server.name(), phase, n, all.count(), (endNanos.get() - startNanos.get()) / 1e9,
            all.summary(), retries.get(), cpuSeconds, clientCpuSeconds, loadAverage());
    }

    /**
     * The CPU time this JVM (the client) has used so far.
     *
     * @return nanoseconds, or 0 where the JVM does not tell
     */
    static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /**
     * The one-minute load average ({@code /proc/loadavg}), or -1 where there is none.
     *
     * @return the load average
     */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
