package org.sdqkd.benchmarks.controller;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code ./sdqkd bench mounts} (picocli). {@code --help} prints the usage and exits 0; a wrong
 * option names itself and exits 2.
 */
@Command(name = "sdqkd bench mounts", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "The controller's NETCONF mounts of N OpenDaylight simulated devices (one netconf-testtool process "
        + "with --device-count N): time until all are mounted (connected, schema ready) with a cold and a warm "
        + "schema cache, CPU time, resident memory, and reads through the mounts.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the benchmark ran", "1:the set-up failed or a device could not be mounted",
        "2:usage error" })
public final class MountOptions implements Callable<Integer> {
    @Option(names = "--devices", paramLabel = "N", split = ",", defaultValue = "100,1000",
        description = "device counts, one simulator run each (default ${DEFAULT-VALUE})")
    private List<Integer> devices;

    @Option(names = "--connects", paramLabel = "N", defaultValue = "64",
        description = "connects outstanding at once (default ${DEFAULT-VALUE})")
    private int connects;

    @Option(names = "--reads", paramLabel = "N", defaultValue = "2000",
        description = "reads of probe through the warm mounts, round robin (default ${DEFAULT-VALUE})")
    private int reads;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (devices.isEmpty() || devices.stream().anyMatch(n -> n < 1 || n > 5_000) || connects < 1 || reads < 0) {
            throw new ParameterException(spec.commandLine(), "--devices must be 1..5000 each, --connects at least 1 "
                + "and --reads at least 0, not " + devices + ", " + connects + " and " + reads);
        }
        for (int count : devices) {
            MountBenchmark.run(count, connects, reads);
        }
        return 0;
    }
}
