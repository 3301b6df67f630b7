package org.sdqkd.benchmarks.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.benchmarks.Latencies;
import org.sdqkd.controller.mount.MountSettings;
import org.sdqkd.controller.mount.NetconfMounts;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ClientConfig;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.restconf.gateway.spi.MountRead;
import org.sdqkd.restconf.gateway.spi.MountedDevice;
import org.sdqkd.testsupport.peers.NetconfEndpoint;
import org.sdqkd.testsupport.peers.OdlTestTool;
import org.sdqkd.testsupport.peers.OdlTestToolOptions;
import org.sdqkd.testsupport.peers.ProbeTestModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code ./sdqkd bench mounts}: the controller's NETCONF mounts of N OpenDaylight simulated devices (issue 15's aims:
 * 100 mounted, connected and schema ready, in under 2 s with a warm schema cache, 1,000 in under 30 s; a read through
 * a mount under 1.5 ms p50). One simulator process serves the N devices; the driver connects once to each to learn
 * its host key (the only keys it trusts unseen; this also warms the simulator up), then opens the N
 * sessions, at most {@code connects} connecting at once, hands each to a {@link NetconfMounts} through a map-backed
 * {@code NodeSessions} as soon as it is up, and waits until every mount is ready: first with an empty schema cache
 * directory (cold), then with new sessions and a new {@link NetconfMounts} on the directory the cold run filled
 * (warm, as after a controller restart). Then reads of {@code probe} through the warm mounts, round robin.
 */
public final class MountBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(MountBenchmark.class);
    private static final Duration STEP = Duration.ofSeconds(300);
    private static final QNameModule PROBE_MODULE = QNameModule.of(XMLNamespace.of(ProbeTestModule.NAMESPACE),
        Revision.of(ProbeTestModule.REVISION));
    /** The probe container, which the devices' probe-test module defines (no bindings: it is the devices' model). */
    private static final YangInstanceIdentifier PROBE = YangInstanceIdentifier.of(QName.create(PROBE_MODULE,
        "probe"));

    private MountBenchmark() {
        // main only
    }

    /**
     * Runs the driver.
     *
     * @param args see {@code --help}
     */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new MountOptions()).execute(args));
    }

    /**
     * One simulator run: N devices mounted cold and warm, then read.
     *
     * @param devices  how many devices
     * @param connects connects outstanding at once
     * @param reads    reads through the warm mounts
     * @throws Exception when the simulator does not start or a device cannot be mounted or read
     */
    static void run(final int devices, final int connects, final int reads) throws Exception {
        final Path cache = Files.createTempDirectory("sdqkd-mount-cache");
        final long started = System.nanoTime();
        try (OdlTestTool tool = OdlTestTool.start(OdlTestToolOptions.of(devices));
                NetconfClient client = NetconfClient.create(new ClientConfig(2, 2))) {
            final long toolMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            final List<NetconfEndpoint> endpoints = tool.endpoints();
            final Map<NetconfEndpoint, PublicKey> hostKeys = hostKeys(client, endpoints, connects);
            final Run cold = mount(client, endpoints, connects, cache, hostKeys, tool.process());
            cold.close();
            final Run warm = mount(client, endpoints, connects, cache, hostKeys, tool.process());
            final ProcessFigures self = ProcessFigures.self();
            final ProcessFigures simulator = ProcessFigures.of(tool.process());
            final Latencies latencies = new Latencies();
            for (int i = 0; i < reads; i++) {
                final MountedDevice device = warm.devices().get(i % warm.devices().size());
                final long t0 = System.nanoTime();
                device.read(new MountRead(PROBE, MountRead.Content.CONFIG, Optional.empty()));
                latencies.add(System.nanoTime() - t0);
            }
            System.out.printf(Locale.ROOT, "%n%d netconf-testtool devices (one process, started in %.1f s), at most %d "
                + "connects at once; load average %s%n", devices, toolMillis / 1000.0, connects,
                ProcessFigures.loadAverage());
            System.out.printf(Locale.ROOT, "%-6s %12s %14s %17s %9s %14s%n", "cache", "mounted ms", "driver CPU ms",
                "simulator CPU ms", "contexts", "load average");
            for (Map.Entry<String, Run> run : List.of(Map.entry("cold", cold), Map.entry("warm", warm))) {
                System.out.printf(Locale.ROOT, "%-6s %12d %14d %17d %9d %14s%n", run.getKey(),
                    run.getValue().millis(), run.getValue().cpuMillis(), run.getValue().simulatorCpuMillis(),
                    run.getValue().contexts(), run.getValue().load());
            }
            System.out.printf(Locale.ROOT, "resident memory with the %d warm mounts: driver (client and mounts) %s MB, "
                + "simulator %s MB%n", devices, self.rssMegabytes(), simulator.rssMegabytes());
            if (reads > 0) {
                final Latencies.Summary summary = latencies.summary();
                System.out.printf(Locale.ROOT, "read of probe through a mount (%d reads, round robin): p50 %.3f ms, "
                    + "p99 %.3f ms, mean %.3f ms%n", reads, summary.p50(), summary.p99(), summary.mean());
            }
            System.out.printf(Locale.ROOT, "aims (issue 15): 100 in < 2 s warm, 1,000 in < 30 s; read p50 < 1.5 ms%n");
            warm.close();
        } finally {
            try (Stream<Path> files = Files.walk(cache)) {
                files.sorted(Comparator.reverseOrder()).forEach(MountBenchmark::delete);
            }
        }
    }

    /** Mounts every device: sessions opened {@code connects} at a time, each registered once up; all mounts awaited. */
    private static Run mount(final NetconfClient client, final List<NetconfEndpoint> endpoints, final int connects,
            final Path cache, final Map<NetconfEndpoint, PublicKey> hostKeys, final ProcessHandle simulator)
            throws Exception {
        final BenchNodeSessions sessions = new BenchNodeSessions();
        final NetconfMounts mounts = new NetconfMounts(sessions, cache, new MountSettings(STEP, STEP,
            MountSettings.DEFAULT.maxSchemaBytes(), MountSettings.DEFAULT.schemaFetches()));
        final List<NodeId> nodes = new ArrayList<>();
        final List<CompletableFuture<NetconfSession>> connecting = new ArrayList<>();
        final Semaphore window = new Semaphore(connects);
        final ProcessFigures self = ProcessFigures.self();
        final ProcessFigures tool = ProcessFigures.of(simulator);
        final long t0 = System.nanoTime();
        for (NetconfEndpoint endpoint : endpoints) {
            window.acquire();
            final NodeId node = new NodeId(UUID.randomUUID().toString());
            nodes.add(node);
            connecting.add(client.connect(options(endpoint, HostKeyVerification.knownKeys(hostKeys.get(endpoint))))
                .whenComplete((session, failure) -> {
                    window.release();
                    if (session != null) {
                        sessions.connect(node, session);
                    }
                }));
        }
        final List<NetconfSession> open = new ArrayList<>();
        for (CompletableFuture<NetconfSession> future : connecting) {
            open.add(future.get(STEP.toSeconds(), TimeUnit.SECONDS));
        }
        final List<MountedDevice> devices = new ArrayList<>();
        for (NodeId node : nodes) {
            devices.add(mounts.ready(node).orElseThrow().get(STEP.toSeconds(), TimeUnit.SECONDS));
        }
        final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        final long cpu = ProcessFigures.self().cpuMillisSince(self);
        final long toolCpu = ProcessFigures.of(simulator).cpuMillisSince(tool);
        for (NodeId node : nodes) {
            final Map<String, String> unavailable = mounts.unavailableModules(node).orElseThrow();
            if (!unavailable.isEmpty()) {
                throw new IllegalStateException("node " + node.getValue() + " lacks modules: " + unavailable);
            }
        }
        return new Run(mounts, open, devices, millis, cpu, toolCpu, mounts.modelContexts(),
            ProcessFigures.loadAverage());
    }

    /**
     * Connects once to every device ({@code connects} at a time) and keeps the host key each presented: the only
     * keys the driver trusts unseen (each simulated device has its own); every measured connect verifies against
     * them. This also warms the simulator and the client up (class loading, JIT) before measuring.
     */
    private static Map<NetconfEndpoint, PublicKey> hostKeys(final NetconfClient client,
            final List<NetconfEndpoint> endpoints, final int connects) throws Exception {
        final Map<NetconfEndpoint, PublicKey> keys = new ConcurrentHashMap<>();
        final Semaphore window = new Semaphore(connects);
        final List<CompletableFuture<NetconfSession>> pending = new ArrayList<>();
        for (NetconfEndpoint endpoint : endpoints) {
            window.acquire();
            pending.add(client.connect(options(endpoint, HostKeyVerification.checked((address, key) -> {
                keys.putIfAbsent(endpoint, key);
                return key.equals(keys.get(endpoint));
            }))).whenComplete((session, failure) -> {
                window.release();
                if (session != null) {
                    session.close();
                }
            }));
        }
        for (CompletableFuture<NetconfSession> future : pending) {
            future.get(STEP.toSeconds(), TimeUnit.SECONDS);
        }
        return Map.copyOf(keys);
    }

    private static ConnectOptions options(final NetconfEndpoint endpoint, final HostKeyVerification hostKeys) {
        return ConnectOptions.builder(endpoint.host(), endpoint.port(), endpoint.user())
            .password(endpoint.password().toCharArray()).hostKeys(hostKeys)
            .connectTimeout(STEP).helloTimeout(STEP).rpcTimeout(STEP).build();
    }

    private static void delete(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    /** One mount run: its mounts, sessions, devices, the time to mount them all and the CPU time it took. */
    private record Run(NetconfMounts mounts, List<NetconfSession> sessions, List<MountedDevice> devices, long millis,
            long cpuMillis, long simulatorCpuMillis, int contexts, String load) {
        void close() {
            mounts.close();
            sessions.forEach(NetconfSession::close);
        }
    }
}
