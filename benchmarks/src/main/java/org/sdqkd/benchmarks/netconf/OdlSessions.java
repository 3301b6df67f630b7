package org.sdqkd.benchmarks.netconf;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sdqkd.benchmarks.Latencies;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.testsupport.peers.NetconfEndpoint;
import org.sdqkd.testsupport.peers.OdlTestTool;
import org.sdqkd.testsupport.peers.OdlTestToolOptions;

/**
 * Many devices at once: OpenDaylight's device simulator with N devices; the client opens a session to each and
 * does one get-config of running on it, {@code batch} devices at a time, all sessions staying open until the end.
 */
final class OdlSessions {
    private static final long TIMEOUT_SECONDS = 120;
    private static final int WARMUP_DEVICES = 10;
    private static final int WARMUP_ROUNDS = 3;

    private OdlSessions() {
        // no instances
    }

    /**
     * The figures of the many-devices run.
     *
     * @param devices          how many devices (and sessions)
     * @param batch            how many were opened at once
     * @param simulatorStartSeconds how long the simulator took to start (not measured further)
     * @param seconds          wall time to open every session and get-config on each
     * @param perSession       latency of connect + hello + get-config of one device
     * @param threadsBefore    the client JVM's threads before the sessions were opened
     * @param threadsOpen      the client JVM's threads with every session open
     * @param loadAverage      the one-minute load average at the end
     */
    record Result(int devices, int batch, double simulatorStartSeconds, double seconds, Latencies.Summary perSession,
            int threadsBefore, int threadsOpen, double loadAverage) {
        /** Sessions opened (with their get-config) per second. */
        double sessionsPerSecond() {
            return seconds > 0 ? devices / seconds : 0;
        }
    }

    /**
     * Starts the simulator, warms it up, measures, stops it.
     *
     * @param client  the client
     * @param devices how many devices
     * @param batch   how many sessions to open at once
     * @return the figures
     * @throws Exception if a session or get-config fails
     */
    static Result run(final NetconfClient client, final int devices, final int batch) throws Exception {
        final long startNanos = System.nanoTime();
        try (OdlTestTool tool = OdlTestTool.start(OdlTestToolOptions.of(devices))) {
            final double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            final List<NetconfEndpoint> endpoints = tool.endpoints();
            // warm-up: the first sessions to a fresh simulator are slow (class loading, JIT, crypto set-up)
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                final List<NetconfSession> warm = openAndGet(client,
                    endpoints.subList(0, Math.min(WARMUP_DEVICES, devices)), batch, new Latencies());
                warm.forEach(NetconfSession::close);
            }
            final int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            final Latencies latencies = new Latencies();
            final long t0 = System.nanoTime();
            final List<NetconfSession> sessions = openAndGet(client, endpoints, batch, latencies);
            final double seconds = (System.nanoTime() - t0) / 1e9;
            final int threadsOpen = ManagementFactory.getThreadMXBean().getThreadCount();
            sessions.forEach(NetconfSession::close);
            return new Result(devices, batch, startSeconds, seconds, latencies.summary(), threadsBefore, threadsOpen,
                PhaseRunner.loadAverage());
        }
    }

    private record Opened(NetconfSession session, long nanos) {
    }

    private static List<NetconfSession> openAndGet(final NetconfClient client, final List<NetconfEndpoint> endpoints,
            final int batch, final Latencies latencies) throws Exception {
        final List<NetconfSession> open = new ArrayList<>();
        for (int from = 0; from < endpoints.size(); from += batch) {
            final List<CompletableFuture<Opened>> pending = new ArrayList<>();
            for (final NetconfEndpoint endpoint : endpoints.subList(from, Math.min(endpoints.size(), from + batch))) {
                final long t0 = System.nanoTime();
                pending.add(client.connect(options(endpoint)).thenCompose(session -> new NetconfOperations(session)
                    .getConfig(Datastore.RUNNING).thenApply(data -> new Opened(session, System.nanoTime() - t0))));
            }
            for (final CompletableFuture<Opened> future : pending) {
                final Opened opened = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                open.add(opened.session());
                latencies.add(opened.nanos());
            }
        }
        return open;
    }

    private static ConnectOptions options(final NetconfEndpoint endpoint) {
        return ConnectOptions.builder(endpoint.host(), endpoint.port(), endpoint.user())
            .password(endpoint.password().toCharArray())
            .hostKeys(HostKeyVerification.acceptAny())
            .connectTimeout(Duration.ofSeconds(60))
            .helloTimeout(Duration.ofSeconds(60))
            .rpcTimeout(Duration.ofSeconds(60))
            .build();
    }
}
