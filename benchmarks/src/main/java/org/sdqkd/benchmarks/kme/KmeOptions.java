package org.sdqkd.benchmarks.kme;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code ./sdqkd bench kme} (picocli): the options with their defaults, checked into a
 * {@link KmeBenchmark.Options}, then the run. {@code --help} prints the usage and exits 0; a wrong option names
 * itself and exits 2.
 */
@Command(name = "sdqkd bench kme", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "ETSI GS QKD 014 key delivery end to end: enc_keys at node A's KME, then dec_keys at node B's, "
        + "HTTPS with mutual TLS, keys checked byte for byte; one phase per thread count and keys per request.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the benchmark ran", "1:the key planes could not start", "2:usage error" })
public final class KmeOptions implements Callable<Integer> {
    @Option(names = "--threads", paramLabel = "LIST", split = ",", defaultValue = "1,16",
        description = "client thread counts, comma separated, one phase each (default ${DEFAULT-VALUE})")
    private List<Integer> threads;

    @Option(names = "--number", paramLabel = "LIST", split = ",", defaultValue = "1,64",
        description = "keys per request, comma separated, one phase each (default ${DEFAULT-VALUE})")
    private List<Integer> numbers;

    @Option(names = "--size", paramLabel = "BITS", defaultValue = "256",
        description = "key size in bits (default ${DEFAULT-VALUE})")
    private int size;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "3",
        description = "unmeasured seconds before each phase (default ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
        description = "measured seconds per phase (default ${DEFAULT-VALUE})")
    private int seconds;

    @Option(names = "--client", paramLabel = "raw|etsi014", defaultValue = "raw",
        description = "raw: one TLS socket per thread writing HTTP/1.1 itself, so that the figures are the KME's; "
            + "etsi014: the project's ETSI GS QKD 014 client (default ${DEFAULT-VALUE})")
    private String client;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KmeBenchmark.run(options());
        return 0;
    }

    /**
     * The options checked.
     *
     * @return the benchmark's options
     * @throws ParameterException for a count below 1, a negative warm-up or an unknown client
     */
    KmeBenchmark.Options options() {
        threads.forEach(n -> atLeast("--threads", n, 1));
        numbers.forEach(n -> atLeast("--number", n, 1));
        atLeast("--size", size, 8);
        atLeast("--warmup", warmup, 0);
        atLeast("--seconds", seconds, 1);
        if (!List.of("raw", "etsi014").contains(client)) {
            throw new ParameterException(spec.commandLine(), "--client: raw or etsi014, not '" + client + "'");
        }
        return new KmeBenchmark.Options(threads, numbers, size, warmup, seconds, client);
    }

    private void atLeast(final String name, final int value, final int minimum) {
        if (value < minimum) {
            throw new ParameterException(spec.commandLine(), name + " must be at least " + minimum + ", not " + value);
        }
    }
}
