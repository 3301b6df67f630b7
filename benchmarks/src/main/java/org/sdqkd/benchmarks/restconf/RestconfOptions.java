package org.sdqkd.benchmarks.restconf;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code ./sdqkd bench restconf} (picocli): the options with their defaults, checked into
 * {@link RestconfBenchmark.Settings}, then the run. {@code --help} prints the usage and exits 0; a wrong option
 * names itself and exits 2.
 */
@Command(name = "sdqkd bench restconf", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "The RESTCONF gateway over a list of key associations: one entry with ab -k and wrk (each when "
        + "installed), and with the driver's own sequential keep-alive client a GET of that entry, a one-leaf PATCH "
        + "into the list and a GET of the whole list, round after round.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the benchmark ran", "1:the gateway could not start or a request failed", "2:usage error" })
public final class RestconfOptions implements Callable<Integer> {
    @Option(names = "--entries", paramLabel = "N", defaultValue = "10000",
        description = "key associations in the list (default ${DEFAULT-VALUE})")
    private int entries;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "100",
        description = "nodes of the network ring, at least 3 (default ${DEFAULT-VALUE})")
    private int nodes;

    @Option(names = "--ab-requests", paramLabel = "N", defaultValue = "2000",
        description = "ab's -n (default ${DEFAULT-VALUE})")
    private int abRequests;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
        description = "ab's -c and wrk's connections (default ${DEFAULT-VALUE})")
    private int concurrency;

    @Option(names = "--wrk-seconds", paramLabel = "S", defaultValue = "5",
        description = "how long each wrk run lasts (default ${DEFAULT-VALUE})")
    private int wrkSeconds;

    @Option(names = "--sequential", paramLabel = "N", defaultValue = "5000",
        description = "sequential GETs of the one entry per round (default ${DEFAULT-VALUE})")
    private int sequential;

    @Option(names = "--patches", paramLabel = "N", defaultValue = "1000",
        description = "sequential one-leaf PATCHes per round (default ${DEFAULT-VALUE})")
    private int patches;

    @Option(names = "--list-gets", paramLabel = "N", defaultValue = "20",
        description = "sequential GETs of the whole list per round (default ${DEFAULT-VALUE})")
    private int listGets;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
        description = "how many rounds (default ${DEFAULT-VALUE})")
    private int rounds;

    @Spec
    private CommandSpec spec;

    @Override
    @SuppressWarnings("checkstyle:IllegalThrows")
    public Integer call() throws Exception {
        RestconfBenchmark.run(settings());
        return 0;
    }

    /**
     * The options checked.
     *
     * @return the driver's settings
     * @throws ParameterException for a count below 1 or fewer than 3 nodes
     */
    RestconfBenchmark.Settings settings() {
        atLeast("--entries", entries, 1);
        atLeast("--nodes", nodes, 3);
        atLeast("--ab-requests", abRequests, 1);
        atLeast("--concurrency", concurrency, 1);
        atLeast("--wrk-seconds", wrkSeconds, 1);
        atLeast("--sequential", sequential, 1);
        atLeast("--patches", patches, 1);
        atLeast("--list-gets", listGets, 1);
        atLeast("--rounds", rounds, 1);
        return new RestconfBenchmark.Settings(entries, nodes, abRequests, concurrency, wrkSeconds, sequential,
            patches, listGets, rounds);
    }

    private void atLeast(final String name, final int value, final int minimum) {
        if (value < minimum) {
            throw new ParameterException(spec.commandLine(), name + " must be at least " + minimum + ", not " + value);
        }
    }
}
