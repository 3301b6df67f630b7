package org.sdqkd.benchmarks.netconf;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.testsupport.peers.NetconfTarget;
import org.sdqkd.testsupport.peers.NetconfdOptions;
import org.sdqkd.testsupport.peers.NetconfdPeer;
import picocli.CommandLine;

/**
 * The NETCONF load driver: sdqkd's agent (in a JVM of its own) and Debian's netconfd (yuma123, behind OpenSSH's
 * sshd) serve the same probe-test list of {@code --entries} entries, and the project's own client measures, on
 * each, get-config of the whole list (latency) and edit-config of one entry on the candidate + commit (throughput
 * and latency), with 1 and with 8 parallel sessions by default. The servers are measured in turn, phase by phase.
 * Optionally ({@code --odl-devices N}) it also opens sessions to N devices of OpenDaylight's simulator.
 *
 * <p>Run with {@code ./sdqkd bench netconf [options]}; {@code --help} lists the options ({@link NetconfOptions}).
 */
public final class NetconfBenchmark {
    /** The phase that gets the whole list with get-config. */
    static final String GET_CONFIG = "get-config";
    /** The phase that edits one entry on the candidate and commits. */
    static final String EDIT_COMMIT = "edit-commit";

    private NetconfBenchmark() {
        // main only
    }

    /** The parsed command line. */
    record Options(int entries, List<Integer> sessions, int warmup, int agentWarmup, Duration duration,
            long count, List<String> servers, List<String> phases, Optional<Path> out, List<String> agentJvm,
            int odlDevices, int odlBatch) {
    }

    /**
     * Runs the benchmark with the options of {@link NetconfOptions}; exits 0 when it ran, 2 for a usage error.
     *
     * @param args the options (see {@code --help})
     */
    public static void main(final String[] args) {
        // the client's per-connection log lines (host key accepted, extensions) would drown the figures
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
            System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.sshd.client.keyverifier",
            System.getProperty("org.slf4j.simpleLogger.log.org.apache.sshd.client.keyverifier", "error"));
        System.exit(new CommandLine(new NetconfOptions()).execute(args));
    }

    /**
     * Runs the benchmark.
     *
     * @param options the parsed options
     * @throws Exception if a server cannot be started or an operation fails
     */
    static void run(final Options options) throws Exception {
        final PrintStream out = new PrintStream(System.out, true, UTF_8);
        final int cpus = Runtime.getRuntime().availableProcessors();
        if (!options.servers().isEmpty()) {
            out.printf(Locale.ROOT, "NETCONF benchmark: %d entries, sessions %s, warm-up %d ops/session, measured %s "
                + "per phase; %d CPUs, load avg %.2f%n", options.entries(), options.sessions(), options.warmup(),
                options.duration().isZero() ? options.count() + " ops" : options.duration().toSeconds() + " s", cpus,
                PhaseRunner.loadAverage());
        }
        final List<PhaseResult> results = new ArrayList<>();
        Optional<OdlSessions.Result> odl = Optional.empty();
        try (NetconfClient client = NetconfClient.create()) {
            if (!options.servers().isEmpty()) {
                results.addAll(compare(client, options, out));
                out.println();
                Report.table(out, results);
            }
            if (options.odlDevices() > 0) {
                out.println();
                out.printf(Locale.ROOT, "starting OpenDaylight's simulator with %d devices...%n",
                    options.odlDevices());
                final OdlSessions.Result result = OdlSessions.run(client, options.odlDevices(), options.odlBatch());
                Report.odl(out, result);
                odl = Optional.of(result);
            }
        }
        if (options.out().isPresent()) {
            final Map<String, String> settings = new LinkedHashMap<>();
            settings.put("entries", Integer.toString(options.entries()));
            settings.put("sessions", options.sessions().toString());
            settings.put("phases", "[" + String.join(", ", options.phases().stream().map(Report::quote).toList())
                + "]");
            settings.put("warmupPerSession", Integer.toString(options.warmup()));
            settings.put("agentWarmup", Integer.toString(options.agentWarmup()));
            settings.put("seconds", Long.toString(options.duration().toSeconds()));
            settings.put("count", Long.toString(options.count()));
            settings.put("cpus", Integer.toString(cpus));
            settings.put("java", Report.quote(Runtime.version().toString()));
            settings.put("agentJvmOptions", Report.quote(String.join(" ", options.agentJvm())));
            Files.writeString(options.out().orElseThrow(), Report.json(settings, results, odl), UTF_8);
            out.println("JSON written to " + options.out().orElseThrow());
        }
    }

    private static List<PhaseResult> compare(final NetconfClient client, final Options options, final PrintStream out)
            throws Exception {
        final int maxSessions = options.sessions().stream().mapToInt(Integer::intValue).max().orElse(1);
        final List<AutoCloseable> resources = new ArrayList<>();
        final List<ServerUnderTest> servers = new ArrayList<>();
        final Map<String, List<NetconfSession>> sessions = new LinkedHashMap<>();
        try {
            if (options.servers().contains("sdqkd")) {
                final AgentProcess agent = AgentProcess.start(options.agentJvm());
                resources.add(agent);
                final ServerUnderTest server = new ServerUnderTest("sdqkd", connectOptions("127.0.0.1", agent.port(),
                    AgentMain.USER, AgentMain.USER), () -> ServerUnderTest.treeCpu(agent.handle()));
                final List<NetconfSession> open = open(client, server, maxSessions);
                Workloads.fill(open.get(0), options.entries(), Duration.ofMinutes(2));
                // the agent's JIT: with only a phase's 100 warm-up ops, the first phase (1 session) ran partly
                // unoptimised on a loaded machine, at about twice the CPU per get-config of the same phase later
                final PhaseRunner.Operation jitWarmup = Workloads.getConfig(options.entries());
                for (int i = 0; i < options.agentWarmup(); i++) {
                    jitWarmup.run(open.get(0), 0, 1, i);
                }
                servers.add(server);
                sessions.put(server.name(), open);
                out.printf(Locale.ROOT, "sdqkd agent (pid %d) on port %d, %d entries loaded, %d get-configs of JIT "
                    + "warm-up%n", agent.handle().pid(), agent.port(), options.entries(), options.agentWarmup());
            }
            if (options.servers().contains("netconfd")) {
                final NetconfdPeer peer = NetconfdPeer.start(NetconfdOptions.of(NetconfTarget.CANDIDATE)
                    .withProbeNodes(options.entries()).withStartTimeout(Duration.ofSeconds(60)));
                resources.add(peer);
                final ServerUnderTest server = new ServerUnderTest("netconfd", connectOptions(peer.host(),
                    peer.port(), peer.user(), peer.password()), () -> peer.processes().stream()
                        .map(ServerUnderTest::treeCpu).reduce(Duration.ZERO, Duration::plus));
                servers.add(server);
                sessions.put(server.name(), open(client, server, maxSessions));
                out.printf(Locale.ROOT, "netconfd (yuma123) behind sshd on port %d, %d entries in its startup file%n",
                    peer.port(), options.entries());
            }
            final PhaseRunner.Budget budget = new PhaseRunner.Budget(options.warmup(), options.duration(),
                options.count());
            final List<PhaseResult> results = new ArrayList<>();
            for (final String phase : options.phases()) {
                final PhaseRunner.Operation operation = GET_CONFIG.equals(phase)
                    ? Workloads.getConfig(options.entries()) : Workloads.editCommit(options.entries());
                for (final int n : options.sessions()) {
                    for (final ServerUnderTest server : servers) {
                        final PhaseResult result = PhaseRunner.run(server, phase,
                            sessions.get(server.name()).subList(0, n), operation, budget);
                        out.printf(Locale.ROOT, "  %-8s %-11s %d session(s): %8.1f ops/s, p50 %.2f ms, p99 %.2f ms, "
                            + "%d retries, load %.2f%n", server.name(), phase, n, result.throughput(),
                            result.latency().p50(), result.latency().p99(), result.retries(), result.loadAverage());
                        results.add(result);
                    }
                }
            }
            return results;
        } finally {
            sessions.values().forEach(list -> list.forEach(NetconfSession::close));
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        }
    }

    private static List<NetconfSession> open(final NetconfClient client, final ServerUnderTest server,
            final int count) throws Exception {
        final List<CompletableFuture<NetconfSession>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(client.connect(server.options()));
        }
        final List<NetconfSession> open = new ArrayList<>();
        for (final CompletableFuture<NetconfSession> future : pending) {
            open.add(future.get(2, TimeUnit.MINUTES));
        }
        return open;
    }

    private static ConnectOptions connectOptions(final String host, final int port, final String user,
            final String password) {
        return ConnectOptions.builder(host, port, user)
            .password(password.toCharArray())
            .hostKeys(HostKeyVerification.acceptAny())
            .connectTimeout(Duration.ofSeconds(60))
            .helloTimeout(Duration.ofSeconds(60))
            .rpcTimeout(Duration.ofSeconds(120))
            .build();
    }
}
