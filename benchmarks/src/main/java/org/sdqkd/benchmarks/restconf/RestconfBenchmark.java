package org.sdqkd.benchmarks.restconf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.benchmarks.Latencies;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The RESTCONF driver ({@code ./sdqkd bench restconf}): starts a gateway on loopback over datastores holding
 * {@code --entries} key associations (10,000), then, round after round, measures a small resource (one entry) with
 * {@code ab -k -n 2000 -c 8} and with {@code wrk}, and with its own sequential keep-alive client a GET of the small
 * resource, a one-leaf PATCH into the list, and a GET of the whole list, which the gateway streams. Prints the
 * figures of every round and the aims beside the medians.
 */
public final class RestconfBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(RestconfBenchmark.class);

    private final Settings settings;

    /**
     * The driver's settings.
     *
     * @param entries     key associations in the list
     * @param nodes       nodes of the network ring
     * @param abRequests  ab's {@code -n}
     * @param concurrency ab's {@code -c} and wrk's connections
     * @param wrkSeconds  how long each wrk run lasts
     * @param sequential  sequential GETs of the small resource per round
     * @param patches     sequential PATCHes per round
     * @param listGets    sequential GETs of the whole list per round
     * @param rounds      how many rounds
     */
    record Settings(int entries, int nodes, int abRequests, int concurrency, int wrkSeconds, int sequential,
            int patches, int listGets, int rounds) {
    }

    private RestconfBenchmark(final Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the driver with the options of {@link RestconfOptions}; exits 0 when it ran, 2 for a usage error.
     *
     * @param args the options ({@code --help})
     */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new RestconfOptions()).execute(args));
    }

    /**
     * Runs the driver and prints its figures.
     *
     * @param settings the checked settings
     * @throws Exception when the gateway cannot start or a request fails
     */
    @SuppressWarnings("checkstyle:IllegalThrows")
    static void run(final Settings settings) throws Exception {
        final Path directory = Files.createTempDirectory("sdqkd-restconf-bench");
        try {
            System.out.print(new RestconfBenchmark(settings).run(directory));
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @SuppressWarnings("checkstyle:IllegalThrows")
    private String run(final Path directory) throws Exception {
        final EffectiveModelContext models = YangModels.projectModels();
        final AssociationData data = AssociationData.of(models, settings.nodes(), settings.entries());
        try (Datastores datastores = Datastores.open(directory, models)) {
            long started = System.nanoTime();
            data.load(datastores, settings.entries());
            LOG.info("{} key associations committed in {} ms", settings.entries(),
                (System.nanoTime() - started) / 1_000_000);
            try (RestconfGateway gateway = RestconfGateway.start(datastores, models, "127.0.0.1", 0)) {
                final InetSocketAddress address = new InetSocketAddress("127.0.0.1", gateway.port());
                final String base = gateway.restconfRoot().getPath() + "/data/";
                final Phases phases = new Phases(address, base, data, settings.entries());
                started = System.nanoTime();
                phases.warmUp();
                LOG.info("warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
                return report(phases, gateway.restconfRoot() + "/data/" + data.entryPath(1));
            }
        }
    }

    private String report(final Phases phases, final String smallUrl) throws IOException {
        final boolean ab = LoadTools.available("ab");
        final boolean wrk = LoadTools.available("wrk");
        final StringBuilder out = new StringBuilder(4096);
        out.append(String.format(Locale.ROOT, "RESTCONF gateway, plain HTTP/1.1 on loopback, one JVM (gateway and "
            + "sequential client), %d key associations, %d cores%n", settings.entries(),
            Runtime.getRuntime().availableProcessors()));
        out.append("small resource: ").append(smallUrl).append('\n');
        final List<Double> abRates = new ArrayList<>();
        final List<Double> wrkRates = new ArrayList<>();
        final List<Double> getP50 = new ArrayList<>();
        final List<Double> patchP50 = new ArrayList<>();
        final List<Double> listP50 = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            out.append(String.format(Locale.ROOT, "%nround %d%n%-44s %10s %9s %9s %9s %6s%n", round, "phase",
                "req/s", "p50 ms", "p99 ms", "failed", "load"));
            if (ab) {
                final LoadTools.Result result = LoadTools.ab(smallUrl, settings.abRequests(), settings.concurrency());
                abRates.add(result.perSecond());
                out.append(line(result.tool(), result.perSecond(), result.p50(), result.p99(), result.failures()));
            }
            if (wrk) {
                final LoadTools.Result result = LoadTools.wrk(smallUrl, 2, settings.concurrency(),
                    settings.wrkSeconds());
                wrkRates.add(result.perSecond());
                out.append(line(result.tool(), result.perSecond(), result.p50(), result.p99(), result.failures()));
            }
            final Phases.Outcome get = phases.sequentialGets(settings.sequential());
            getP50.add(get.latencies().summary().p50());
            out.append(line("sequential GET, small resource", get));
            final Phases.Outcome patch = phases.patches(settings.patches());
            patchP50.add(patch.latencies().summary().p50());
            out.append(line("sequential one-leaf PATCH (204)", patch));
            final Phases.Outcome list = phases.listGets(settings.listGets());
            listP50.add(list.latencies().summary().p50());
            out.append(line("sequential GET of the whole list", list));
            out.append(String.format(Locale.ROOT, "    list answer: %,d bytes, %s; first body byte after %.2f ms "
                + "(p50), the whole answer after %.2f ms (p50)%n", list.bytes(), list.chunked()
                    ? "chunked (streamed)" : "with Content-Length", list.firstByte().summary().p50(),
                list.latencies().summary().p50()));
        }
        out.append(String.format(Locale.ROOT, "%nmedians over %d rounds, against the aims of issue 14:%n",
            settings.rounds()));
        if (ab) {
            out.append(aim("ab -k -n 2000 -c 8, requests/s", median(abRates), ">=", 5_200));
        } else {
            out.append("ab: not installed (Debian apache2-utils), not measured\n");
        }
        if (wrk) {
            out.append(aim("wrk, requests/s", median(wrkRates), ">=", 5_200));
        } else {
            out.append("wrk: not installed (Debian wrk), not measured\n");
        }
        out.append(aim("sequential keep-alive GET p50, ms", median(getP50), "<", 0.5));
        out.append(aim("one-leaf PATCH into the list p50, ms", median(patchP50), "<", 2));
        out.append(String.format(Locale.ROOT, "GET of the whole list p50: %.2f ms%n", median(listP50)));
        return out.toString();
    }

    private static String line(final String phase, final Phases.Outcome outcome) {
        final Latencies.Summary summary = outcome.latencies().summary();
        return line(phase, outcome.latencies().count() / outcome.seconds(), summary.p50(), summary.p99(),
            outcome.failures());
    }

    private static String line(final String phase, final double rate, final double p50, final double p99,
            final long failed) {
        return String.format(Locale.ROOT, "%-44s %10.0f %9.3f %9.3f %9d %6s%n", phase, rate, p50, p99, failed,
            loadAverage());
    }

    private static String aim(final String what, final double value, final String relation, final double aim) {
        final boolean met = ">=".equals(relation) ? value >= aim : value < aim;
        return String.format(Locale.ROOT, "%-40s %10.3f   aim %s %s: %s%n", what, value, relation,
            aim >= 100 ? String.format(Locale.ROOT, "%.0f", aim) : String.format(Locale.ROOT, "%.1f", aim),
            met ? "met" : "NOT met");
    }

    private static double median(final List<Double> values) {
        final List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        final int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
