package org.sdqkd.features;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sdqkd.opot.api.AttackLab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdqkd opot attack}: the attack lab. Runs the published eavesdropping attack on plain proof of transit and a
 * smarter one, then both against OPoT, and prints the packets each needed per prime beside the paper's figure.
 */
@Command(name = "attack", mixinStandardHelpOptions = true,
    description = {
        "The attack lab: an eavesdropper after each of hops 1-4 of a 5-node path recovers p and the LPCs, validates"
            + " its model against every captured packet and forges packets that skip nodes 2-4.",
        "The paper's attacker waits for two RNDs differing by one; the smarter one uses any three packets.",
        "Both run against plain PoT and against OPoT (masked values). The default run takes seconds; the paper's"
            + " full run is --schemes 10 --streams 10."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the lab ran", "2:usage error" })
final class OpotAttackCommand implements Callable<Integer> {
    /** The prime of the paper's attack figures. */
    static final BigInteger PAPER_PRIME = BigInteger.valueOf(1003161329);

    @Option(names = "--primes", split = ",", paramLabel = "P",
        description = "Primes to attack (default: 1048573, the paper's 1003161329 and the largest 64-bit prime).")
    private List<BigInteger> primes = List.of(BigInteger.valueOf(1048573), PAPER_PRIME,
        new BigInteger("18446744073709551557"));

    @Option(names = "--schemes", paramLabel = "N",
        description = "Random schemes per prime (default ${DEFAULT-VALUE}).")
    private int schemes = 3;

    @Option(names = "--streams", paramLabel = "N",
        description = "Packet streams per scheme (default ${DEFAULT-VALUE}).")
    private int streams = 3;

    @Option(names = "--paper-budget", paramLabel = "PACKETS",
        description = "Packets the paper's attacker captures at most (default ${DEFAULT-VALUE}).")
    private int paperBudget = 100_000;

    @Option(names = "--smart-budget", paramLabel = "PACKETS",
        description = "Packets the smarter attacker captures at most (default ${DEFAULT-VALUE}).")
    private int smartBudget = 2_000;

    @Option(names = "--seed", description = "Seed of the runs (default ${DEFAULT-VALUE}).")
    private long seed = 17;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final List<AttackLab.PrimeResult> results;
        try {
            results = AttackLab.run(new AttackLab.Options(primes, schemes, streams, paperBudget, smartBudget, seed));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("sdqkd opot attack: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        out.printf("5 nodes, eavesdropper after hops 1-4; %d schemes x %d streams per prime%n", schemes, streams);
        out.printf("%-22s %5s  %-11s %-10s %s%n", "prime (bits)", "", "attacker", "target", "packets needed"
            + " (mean, min, max) / models found / forgeries accepted");
        for (AttackLab.PrimeResult r : results) {
            final String name = r.prime() + " (" + r.prime().bitLength() + ")";
            line(out, name, "paper's", "plain PoT", r.paperPlain());
            if (r.prime().equals(PAPER_PRIME)) {
                out.printf("%-22s %5s  %-11s %-10s %s%n", "", "", "paper", "plain PoT",
                    "34,890 mean, 10,058 min, 71,964 max (published)");
            }
            line(out, "", "smarter", "plain PoT", r.smartPlain());
            line(out, "", "paper's", "OPoT", r.paperOpot());
            line(out, "", "smarter", "OPoT", r.smartOpot());
        }
        out.flush();
        return 0;
    }

    private static void line(final PrintWriter out, final String prime, final String attacker, final String target,
            final AttackLab.Outcome o) {
        final String needed = o.succeeded() == 0 ? "no model within the budget"
            : String.format(Locale.ROOT, "%,.0f mean, %,d min, %,d max", o.mean(), o.min(), o.max());
        out.printf(Locale.ROOT, "%-22s %5s  %-11s %-10s %s; models %d/%d; forgeries accepted %d/%d%n", prime, "",
            attacker, target, needed, o.succeeded(), o.runs(), o.forged(), o.tried());
    }
}
