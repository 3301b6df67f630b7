package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.sdqkd.controller.Controller;
import org.sdqkd.features.DemoNetwork.DemoNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sdqkd demo}: the three-node network of {@code features/src/main/config/node} (the Madrid Quantum Network
 * field trial's Almagro, Norte and Concepcion) on loopback, each node in its own process, with a fresh PKI, and the
 * controller in this process ({@link DemoController}); shows the keys accumulating, prints every endpoint with
 * commands to try (checked first), and runs until interrupted.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
        // the first line is the man page's NAME line (whatis): one whole sentence
        "Run the three-node example network on 127.0.0.1 until SIGINT or SIGTERM.",
        "Almagro has QKD links to Norte (~70 kbit/s) and to Concepcion (~20 kbit/s); each node runs in its own",
        "process, and all are stopped at the end.",
        "The SD-QKD controller runs in the demo's process, beside Almagro, with a session to every node (host keys",
        "pinned, the hybrid QKD key exchange with Norte and Concepcion) and RESTCONF on HTTPS (user admin).",
        "Prints the NETCONF, ETSI GS QKD 014 and RESTCONF endpoints with ssh, ncclient and curl commands to try."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:stopped by SIGINT or SIGTERM, every node stopped",
        "1:a node or the controller did not start, a printed command failed its check, or a node stopped",
        "2:usage error"
    })
final class DemoCommand implements Callable<Integer> {
    private static final Duration KEYS_WAIT = Duration.ofSeconds(120);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(90);

    @Option(names = "--dir", paramLabel = "DIR",
        description = "The working directory (recreated): configuration copies, certificates, datastores, logs. "
            + "Default: features/target/demo.")
    private Path dir;

    @Option(names = "--example", paramLabel = "DIR",
        description = "The node configurations to run. Default: features/target/config/node.")
    private Path example;

    @Option(names = "--ephemeral-ports", description = "Bind every port (NETCONF, KME, QKD links) to a free one "
        + "instead of the configured 830x/944x/700x.")
    private boolean ephemeralPorts;

    @Option(names = "--min-keys", paramLabel = "N", defaultValue = "256",
        description = "Show progress until every link holds at least N keys of 256 bits (default ${DEFAULT-VALUE}).")
    private int minKeys;

    @Spec
    private CommandSpec spec;

    private final List<NodeProcess> processes = new CopyOnWriteArrayList<>();
    private volatile int exitStatus;
    private volatile boolean stopping;
    private volatile Controller controller;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Path target;
        try {
            target = distributionTarget();
        } catch (URISyntaxException e) {
            err.println("sdqkd demo: cannot find the distribution: " + e.getMessage());
            return 1;
        }
        final Path work = (dir != null ? dir : target.resolve("demo")).toAbsolutePath().normalize();
        final Path examples = (example != null ? example : target.resolve("config").resolve("node")).toAbsolutePath();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(err, stopped), "sdqkd-demo-stop"));
        try {
            final DemoNetwork network = DemoNetwork.prepare(examples, work);
            logToFile(network.directory().resolve("logs"));
            out.printf("sdqkd demo: %d nodes from %s, working in %s (new certificates in pki/)%n",
                network.nodes().size(), examples, work);
            out.flush();
            final DemoCluster cluster = DemoCluster.start(network, ephemeralPorts, out, processes);
            showProgress(network, cluster.ready(), out);
            final Controller started = DemoController.start(network, cluster, ephemeralPorts);
            controller = started;
            out.println();
            out.printf("sdqkd demo: the controller (RESTCONF %s) connects to every node, host keys pinned:%n",
                started.restconfRoot());
            out.flush();
            DemoController.awaitSessions(started, network, CONNECT_WAIT).forEach(out::println);
            out.flush();
            final DemoRestconf restconf = demoRestconf(network, started);
            restconf.check();
            DemoInstructions.print(network, cluster.ready(), restconf, out);
            out.flush();
        } catch (IOException | ConfigException e) {
            err.println("sdqkd demo: " + e.getMessage());
            err.flush();
            exitStatus = 1;
            Runtime.getRuntime().exit(1);
        }
        watch(err);
        stopped.await();
        return 0;
    }

    /** Prints the keys stored per link once a second until every link holds {@code minKeys}. */
    private void showProgress(final DemoNetwork network, final Map<String, JsonNode> ready, final PrintWriter out)
            throws IOException, InterruptedException {
        final Map<String, KmeProbe> probes = new LinkedHashMap<>();
        final Map<String, String> nodeOfSae = new HashMap<>();
        network.nodes().forEach(n -> n.saes().forEach(s -> nodeOfSae.put(s, n.name())));
        for (DemoNode node : network.nodes()) {
            if (!node.listens()) {
                continue;
            }
            for (Map.Entry<String, List<String>> pair : node.peers().entrySet()) {
                for (String peer : pair.getValue()) {
                    probes.put(node.name() + "-" + nodeOfSae.getOrDefault(peer, peer),
                        new KmeProbe(network.directory().resolve("pki"), pair.getKey(), peer,
                            ready.get(node.name()).path("kme-port").intValue()));
                }
            }
        }
        out.println("sdqkd demo: keys stored per link (256-bit keys), growing at each link's secret key rate:");
        final Instant deadline = Instant.now().plus(KEYS_WAIT);
        try {
            while (true) {
                final StringBuilder line = new StringBuilder("  ");
                boolean enough = true;
                for (Map.Entry<String, KmeProbe> probe : probes.entrySet()) {
                    final OptionalLong keys = probe.getValue().storedKeys();
                    line.append(String.format("%-20s %8s   ", probe.getKey(),
                        keys.isPresent() ? Long.toString(keys.getAsLong()) : "-"));
                    enough &= keys.isPresent() && keys.getAsLong() >= minKeys;
                }
                out.println(line.toString().stripTrailing());
                out.flush();
                if (enough) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    out.printf("sdqkd demo: a link has fewer than %d keys after %d s; see the logs%n", minKeys,
                        KEYS_WAIT.toSeconds());
                    return;
                }
                Thread.sleep(1000);
            }
        } finally {
            probes.values().forEach(KmeProbe::close);
        }
    }

    /**
     * The RESTCONF commands: Norte mounted (or, in another network, the first node that does not listen), its first
     * link to Almagro.
     */
    private static DemoRestconf demoRestconf(final DemoNetwork network, final Controller controller)
            throws IOException {
        final List<String> links = DemoController.linkIds(network);
        final DemoNode mounted = network.nodes().stream().filter(n -> "Norte".equals(n.name())).findFirst()
            .or(() -> network.nodes().stream().filter(n -> !n.listens()).findFirst())
            .orElse(network.nodes().getFirst());
        final DemoNode peer = network.nodes().getFirst();
        return DemoRestconf.of(controller.restconfRoot(), network.directory().resolve("pki").resolve("ca.crt"),
            links, mounted, peer, DemoController.firstLinkId(mounted));
    }

    /** Ends the demo with status 1 as soon as a node stops by itself. */
    private void watch(final PrintWriter err) {
        Thread.ofPlatform().daemon().name("sdqkd-demo-watch").start(() -> {
            try {
                while (true) {
                    for (NodeProcess process : processes) {
                        if (!process.isAlive() && !stopping) {
                            err.printf("sdqkd demo: node %s stopped by itself; its log ends with:%n%s%n",
                                process.name(), process.logTail());
                            err.flush();
                            exitStatus = 1;
                            Runtime.getRuntime().exit(1);
                        }
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void stopAll(final PrintWriter err, final CountDownLatch stopped) {
        stopping = true;
        final Controller running = controller;
        if (running != null) {
            running.close();
        }
        DemoCluster.stopAll(processes);
        err.printf("sdqkd demo: stopped %d node processes%n", processes.size());
        err.flush();
        stopped.countDown();
        // without halt, a JVM ended by a signal exits with 128 + its number
        Runtime.getRuntime().halt(exitStatus);
    }

    /**
     * Sends this process's own logging (the controller's sessions: MINA, the hybrid key exchange) to {@code demo.log}
     * in {@code logs}, so that the terminal shows the demo's steps only; the nodes log to their own files. SLF4J's
     * simple logger, and logback in the distribution, read their configuration when the first logger is made, which
     * is later than this: nothing of the demo logs before.
     */
    private static void logToFile(final Path logs) throws IOException {
        Files.createDirectories(logs);
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("demo.log").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        // the same for logback, the distribution's provider: its config/logback.xml reads these two
        System.setProperty("sdqkd.log.appender", "FILE");
        System.setProperty("sdqkd.log.file", logs.resolve("demo.log").toString());
    }

    /** The distribution's {@code target} directory: where the launcher jar (or the classes) are. */
    private static Path distributionTarget() throws URISyntaxException {
        final Path location = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // target/sdqkd.jar or target/classes
        return location.getParent();
    }
}
