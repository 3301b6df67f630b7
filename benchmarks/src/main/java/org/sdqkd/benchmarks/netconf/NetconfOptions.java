package org.sdqkd.benchmarks.netconf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code ./sdqkd bench netconf} (picocli): the options with their defaults, checked into a
 * {@link NetconfBenchmark.Options}, then the run. {@code --help} prints the usage and exits 0; a wrong option
 * names itself and exits 2.
 */
@Command(name = "sdqkd bench netconf", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "NETCONF load driver: sdqkd's agent against netconfd (yuma123 behind OpenSSH's sshd), get-config of "
        + "the whole list and edit-config + commit of one entry, measured by the project's own client; optionally "
        + "sessions to OpenDaylight's device simulator.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the benchmark ran", "1:a server could not start or an operation failed", "2:usage error" })
public final class NetconfOptions implements Callable<Integer> {
    private static final List<String> SERVERS = List.of("sdqkd", "netconfd");

    @Option(names = "--entries", paramLabel = "N", defaultValue = "1000",
        description = "list entries on both servers (default ${DEFAULT-VALUE})")
    private int entries;

    @Option(names = "--sessions", paramLabel = "LIST", split = ",", defaultValue = "1,8",
        description = "parallel session counts, comma separated (default ${DEFAULT-VALUE})")
    private List<Integer> sessions;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100",
        description = "unmeasured operations per session before each phase (default ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--agent-warmup", paramLabel = "N", defaultValue = "2000",
        description = "get-configs the sdqkd agent answers once, unmeasured, before the first phase, for its JIT "
            + "(default ${DEFAULT-VALUE}; netconfd is C and needs none)")
    private int agentWarmup;

    @Option(names = "--seconds", paramLabel = "S",
        description = "measured length of each phase (default 10)")
    private Integer seconds;

    @Option(names = "--count", paramLabel = "N",
        description = "measured operations per phase instead of --seconds (over all sessions)")
    private Integer count;

    @Option(names = "--servers", paramLabel = "LIST", split = ",", defaultValue = "sdqkd,netconfd",
        description = "sdqkd,netconfd (default both), or none (with --odl-devices)")
    private List<String> servers;

    @Option(names = "--phases", paramLabel = "LIST", split = ",", defaultValue = "get-config,edit-commit",
        description = "get-config,edit-commit (default both)")
    private List<String> phases;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the figures as JSON to FILE")
    private Path out;

    @Option(names = "--agent-jvm-option", paramLabel = "OPT",
        description = "an option for the sdqkd agent's JVM (repeatable; default -Xmx1g)")
    private List<String> agentJvm = new ArrayList<>();

    @Option(names = "--odl-devices", paramLabel = "N", defaultValue = "0",
        description = "also open sessions to N devices of OpenDaylight's simulator (default 0: none)")
    private int odlDevices;

    @Option(names = "--odl-batch", paramLabel = "N", defaultValue = "5",
        description = "sessions opened at a time to the simulator (default ${DEFAULT-VALUE})")
    private int odlBatch;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NetconfBenchmark.run(options());
        return 0;
    }

    /**
     * The options checked: positive counts, known servers and phases.
     *
     * @return the benchmark's options
     * @throws ParameterException for a value out of range or an unknown server or phase
     */
    NetconfBenchmark.Options options() {
        positive("--entries", entries);
        sessions.forEach(n -> positive("--sessions", n));
        positive("--odl-batch", odlBatch);
        if (seconds != null && count != null) {
            throw new ParameterException(spec.commandLine(), "--seconds and --count exclude each other");
        }
        final Duration duration = count != null ? Duration.ZERO
            : Duration.ofSeconds(seconds == null ? 10 : positive("--seconds", seconds));
        final long measuredCount = count == null ? 0 : positive("--count", count);
        final List<String> chosen = List.of("none").equals(servers) ? List.of() : List.copyOf(servers);
        for (final String server : chosen) {
            if (!SERVERS.contains(server)) {
                throw new ParameterException(spec.commandLine(), "--servers: unknown server '" + server
                    + "'; expected sdqkd, netconfd or none");
            }
        }
        for (final String phase : phases) {
            if (!List.of(NetconfBenchmark.GET_CONFIG, NetconfBenchmark.EDIT_COMMIT).contains(phase)) {
                throw new ParameterException(spec.commandLine(), "--phases: unknown phase '" + phase
                    + "'; expected get-config or edit-commit");
            }
        }
        return new NetconfBenchmark.Options(entries, List.copyOf(sessions), warmup, agentWarmup, duration,
            measuredCount, chosen, List.copyOf(phases), Optional.ofNullable(out),
            agentJvm.isEmpty() ? List.of("-Xmx1g") : List.copyOf(agentJvm), odlDevices, odlBatch);
    }

    private int positive(final String name, final int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), name + " must be positive, not " + value);
        }
        return value;
    }
}
