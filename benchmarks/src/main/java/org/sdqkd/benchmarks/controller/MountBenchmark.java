package org.sdqkd.benchmarks.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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

/**
 * The controller's NETCONF mounts of N OpenDaylight simulated devices (issue 15's aims: 100 mounted, connected and
 * schema ready, in under 2 s with a warm schema cache; a read through a mount under 1.5 ms p50): the simulator is
 * started and warmed up, then N sessions are opened ({@code batch} at a time) and mounted with an empty schema cache
 * (cold) and again, new sessions and a new {@link NetconfMounts}, with the cache the cold run filled (warm); then
 * reads of {@code probe} through the mounts, round robin. Run: {@code java ... MountBenchmark [devices] [batch]
 * [reads]} (defaults 100, 20, 2000), with {@code sdqkd.netconf.testtool.jar} set as for the NETCONF driver.
 */
public final class MountBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(MountBenchmark.class);
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final QNameModule PROBE_MODULE = QNameModule.of(XMLNamespace.of(ProbeTestModule.NAMESPACE),
        Revision.of(ProbeTestModule.REVISION));
    /** The probe container, which the devices' probe-test module defines (no bindings: it is the devices' model). */
    private static final YangInstanceIdentifier PROBE = YangInstanceIdentifier.of(QName.create(PROBE_MODULE,
        "probe"));

    private MountBenchmark() {
        // main only
    }

    /**
     * Runs the driver and logs its figures.
     *
     * @param args devices, batch, reads
     * @throws Exception when a device cannot be mounted or read
     */
    public static void main(final String[] args) throws Exception {
        final int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        final int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final int reads = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        final Path cache = Files.createTempDirectory("sdqkd-mount-cache");
        try (OdlTestTool tool = OdlTestTool.start(OdlTestToolOptions.of(devices));
                NetconfClient client = NetconfClient.create(new ClientConfig(2, 2))) {
            final List<NetconfEndpoint> endpoints = tool.endpoints();
            warmUp(client, endpoints, batch);
            final Run cold = mount(client, endpoints, batch, cache);
            cold.close();
            final Run warm = mount(client, endpoints, batch, cache);
            final Latencies latencies = new Latencies();
            for (int i = 0; i < reads; i++) {
                final MountedDevice device = warm.devices().get(i % warm.devices().size());
                final long t0 = System.nanoTime();
                device.read(new MountRead(PROBE, MountRead.Content.CONFIG, Optional.empty()));
                latencies.add(System.nanoTime() - t0);
            }
            final Latencies.Summary summary = latencies.summary();
            LOG.info("{} devices mounted (connected, schema ready), batch {}: cold cache {} ms, warm cache {} ms; "
                + "{} model context(s); read of probe through a mount ({} reads): p50 {} ms, p99 {} ms, mean {} ms; "
                + "load average {}", devices, batch, cold.millis(), warm.millis(), warm.mounts().modelContexts(),
                reads, String.format("%.3f", summary.p50()), String.format("%.3f", summary.p99()),
                String.format("%.3f", summary.mean()), Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            warm.close();
        } finally {
            try (Stream<Path> files = Files.walk(cache)) {
                files.sorted(Comparator.reverseOrder()).forEach(MountBenchmark::delete);
            }
        }
    }

    /** Mounts every device: sessions opened batch by batch, each registered, then every mount waited for. */
    private static Run mount(final NetconfClient client, final List<NetconfEndpoint> endpoints, final int batch,
            final Path cache) throws Exception {
        final BenchNodeSessions sessions = new BenchNodeSessions();
        final NetconfMounts mounts = new NetconfMounts(sessions, cache, new MountSettings(STEP, STEP,
            MountSettings.DEFAULT.maxSchemaBytes(), MountSettings.DEFAULT.schemaFetches()));
        final List<NodeId> nodes = new ArrayList<>();
        final List<NetconfSession> open = new ArrayList<>();
        final long t0 = System.nanoTime();
        for (int from = 0; from < endpoints.size(); from += batch) {
            final List<CompletableFuture<NetconfSession>> pending = new ArrayList<>();
            for (NetconfEndpoint endpoint : endpoints.subList(from, Math.min(endpoints.size(), from + batch))) {
                pending.add(client.connect(options(endpoint)));
            }
            for (CompletableFuture<NetconfSession> future : pending) {
                final NetconfSession session = future.get(STEP.toSeconds(), TimeUnit.SECONDS);
                final NodeId node = new NodeId(UUID.randomUUID().toString());
                sessions.connect(node, session);
                nodes.add(node);
                open.add(session);
            }
        }
        final List<MountedDevice> devices = new ArrayList<>();
        for (NodeId node : nodes) {
            devices.add(mounts.ready(node).orElseThrow().get(STEP.toSeconds(), TimeUnit.SECONDS));
        }
        final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        for (NodeId node : nodes) {
            final Map<String, String> unavailable = mounts.unavailableModules(node).orElseThrow();
            if (!unavailable.isEmpty()) {
                throw new IllegalStateException("node " + node.getValue() + " lacks modules: " + unavailable);
            }
        }
        return new Run(mounts, open, devices, millis);
    }

    /** The first sessions to a fresh simulator are slow (class loading, JIT): a few rounds before measuring. */
    private static void warmUp(final NetconfClient client, final List<NetconfEndpoint> endpoints, final int batch)
            throws Exception {
        for (int round = 0; round < 3; round++) {
            final List<CompletableFuture<NetconfSession>> pending = new ArrayList<>();
            for (NetconfEndpoint endpoint : endpoints.subList(0, Math.min(batch, endpoints.size()))) {
                pending.add(client.connect(options(endpoint)));
            }
            for (CompletableFuture<NetconfSession> future : pending) {
                future.get(STEP.toSeconds(), TimeUnit.SECONDS).close();
            }
        }
    }

    private static ConnectOptions options(final NetconfEndpoint endpoint) {
        return ConnectOptions.builder(endpoint.host(), endpoint.port(), endpoint.user())
            .password(endpoint.password().toCharArray()).hostKeys(HostKeyVerification.acceptAny())
            .connectTimeout(STEP).helloTimeout(STEP).rpcTimeout(STEP).build();
    }

    private static void delete(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    /** One mount run: its mounts, sessions, devices and the time to mount them all. */
    private record Run(NetconfMounts mounts, List<NetconfSession> sessions, List<MountedDevice> devices,
            long millis) {
        void close() {
            mounts.close();
            sessions.forEach(NetconfSession::close);
        }
    }
}
