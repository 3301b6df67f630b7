package org.sdqkd.benchmarks.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sdqkd.testsupport.peers.OdlController;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code ./sdqkd bench controller} (picocli). {@code --help} prints the usage and exits 0; a
 * wrong option names itself and exits 2.
 */
@Command(name = "sdqkd bench controller", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "sdqkd's controller as a process (the launcher's `sdqkd controller`): start to the first RESTCONF "
        + "200 and its CPU time, resident memory idle and with N simulated devices mounted, reads through a mount; "
        + "with --peer odl OpenDaylight's controller (lighty.io) the same way, side by side.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the benchmark ran", "1:a controller could not be started or measured", "2:usage error" })
public final class ControllerOptions implements Callable<Integer> {
    private static final Set<String> PHASES = Set.of("start", "memory", "read");

    @Option(names = "--phases", paramLabel = "PHASE", split = ",", defaultValue = "start,memory,read",
        description = "phases to run, of start, memory, read (default ${DEFAULT-VALUE})")
    private List<String> phases;

    @Option(names = "--peer", paramLabel = "PEER", defaultValue = "none",
        description = "none, or odl: OpenDaylight's controller too (needs odl-peer built) (default ${DEFAULT-VALUE})")
    private String peer;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "5",
        description = "starts per controller, of which the median is printed (default ${DEFAULT-VALUE})")
    private int starts;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "100",
        description = "simulated devices (OpenDaylight's netconf-testtool) mounted for memory and read "
            + "(default ${DEFAULT-VALUE})")
    private int devices;

    @Option(names = "--reads", paramLabel = "M", defaultValue = "1000",
        description = "measured GETs through the mounts, round robin (default ${DEFAULT-VALUE})")
    private int reads;

    @Option(names = "--idle-seconds", paramLabel = "S", defaultValue = "10",
        description = "seconds of idling before the memory is read (default ${DEFAULT-VALUE})")
    private int idleSeconds;

    @Spec
    private CommandSpec spec;

    /**
     * What to run, checked.
     *
     * @param phases the phases
     * @param contenders sdqkd's controller, and OpenDaylight's with {@code --peer odl}
     * @param starts starts per controller
     * @param devices simulated devices
     * @param reads measured reads
     * @param idleSeconds idling before the memory is read
     */
    record Settings(Set<String> phases, List<Contender> contenders, int starts, int devices, int reads,
            int idleSeconds) {
        /** Copies the collections. */
        Settings {
            phases = Set.copyOf(phases);
            contenders = List.copyOf(contenders);
        }
    }

    @Override
    public Integer call() throws IOException {
        run(settings());
        return 0;
    }

    /** Checks the options; a wrong one is a {@link ParameterException} naming it. */
    Settings settings() {
        final Set<String> chosen = new LinkedHashSet<>(phases);
        for (String phase : chosen) {
            if (!PHASES.contains(phase)) {
                throw new ParameterException(spec.commandLine(), "--phases: unknown phase '" + phase
                    + "' (start, memory, read)");
            }
        }
        if (starts < 1 || devices < 1 || reads < 1 || idleSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--starts, --devices and --reads must be at least 1 and "
                + "--idle-seconds at least 0, not " + starts + ", " + devices + ", " + reads + " and " + idleSeconds);
        }
        if (!"none".equals(peer) && !"odl".equals(peer)) {
            throw new ParameterException(spec.commandLine(), "--peer: unknown peer '" + peer + "' (none, odl)");
        }
        final String root = System.getProperty("sdqkd.root");
        if (root == null || !Files.isExecutable(Path.of(root, "sdqkd"))) {
            throw new ParameterException(spec.commandLine(), "the system property sdqkd.root must name the "
                + "directory of the sdqkd launcher (./sdqkd bench controller sets it)");
        }
        final List<Contender> contenders = new ArrayList<>();
        contenders.add(new SdqkdContender(Path.of(root)));
        if ("odl".equals(peer)) {
            contenders.add(new OdlContender(OdlController.classPath(), ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString())));
        }
        return new Settings(chosen, contenders, starts, devices, reads, idleSeconds);
    }

    private void run(final Settings settings) throws IOException {
        ControllerBenchmark.run(settings, spec.commandLine().getOut());
    }
}
