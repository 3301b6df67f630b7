package org.sdqkd.benchmarks.ssh;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code ./sdqkd bench ssh} (picocli). {@code --help} prints the usage and exits 0; a wrong
 * option names itself and exits 2.
 */
@Command(name = "sdqkd bench ssh", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "NETCONF handshake time by SSH key exchange method, from TCP connect to the first get-config "
        + "reply, the methods taking turns; the hybrid QKD methods take their keys from two emulated KMEs.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the benchmark ran", "1:the set-up failed or a handshake did not negotiate its method",
        "2:usage error" })
public final class SshOptions implements Callable<Integer> {
    @Option(names = "--handshakes", paramLabel = "N", defaultValue = "200",
        description = "measured handshakes per method (default ${DEFAULT-VALUE})")
    private int handshakes;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50",
        description = "unmeasured handshakes per method first (default ${DEFAULT-VALUE})")
    private int warmup;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (handshakes < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--handshakes must be at least 1 and --warmup at least "
                + "0, not " + handshakes + " and " + warmup);
        }
        SshHandshakeBenchmark.run(handshakes, warmup);
        return 0;
    }
}
