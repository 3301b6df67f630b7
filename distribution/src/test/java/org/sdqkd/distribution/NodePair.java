package org.sdqkd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The example nodes Almagro and Norte, from the archive's {@code config/node/}, run as two {@code bin/sdqkd node}
 * processes on free loopback ports: the PKI made with {@code bin/sdqkd pki}, Almagro started first with its link
 * ports free, Norte pointed at the port Almagro's ready file reports.
 */
final class NodePair implements AutoCloseable {
    /** The SAEs of the two nodes' applications, which get certificates. */
    static final String[] SAES = { "sae-almagro-1", "sae-norte-1", "sae-almagro-controller", "sae-norte-nc" };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NODE = "etsi-qkd-sdn-node:qkd_node";
    private static final String EMULATION = "sdqkd-qkd-node:emulation";
    private static final Pattern NODE_ID = Pattern.compile("(?m)^  id: ([0-9a-f-]{36})");
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final UnpackedArchive archive;
    private final Path dir;
    private final Map<String, Process> processes = new HashMap<>();
    private final Map<String, JsonNode> ready = new HashMap<>();

    private NodePair(final UnpackedArchive archive, final Path dir) {
        this.archive = archive;
        this.dir = dir;
    }

    /**
     * Copies the example into {@code WORK/net}, makes its PKI and starts both nodes, waiting until they run.
     *
     * @param archive the unpacked archive
     * @return the running pair
     * @throws Exception when a step fails
     */
    static NodePair start(final UnpackedArchive archive) throws Exception {
        final Path dir = Files.createDirectories(archive.work().resolve("net"));
        final Path example = archive.home().resolve("config/node");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                final Path target = dir.resolve(example.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        final NodePair pair = new NodePair(archive, dir);
        pair.pki();
        pair.rewriteLinkPorts("almagro.json", "listen", Map.of());
        pair.startNode("almagro");
        final Map<String, Integer> linkPorts = new HashMap<>();
        pair.ready.get("almagro").path("link-ports").properties()
            .forEach(e -> linkPorts.put(e.getKey(), e.getValue().asInt()));
        pair.rewriteLinkPorts("norte.json", "connect", linkPorts);
        pair.startNode("norte");
        return pair;
    }

    /** The directory the network runs in. */
    Path dir() {
        return dir;
    }

    /** The KME port of node NAME (almagro, norte). */
    int kmePort(final String name) {
        return ready.get(name).path("kme-port").asInt();
    }

    /** The NETCONF port of node NAME (almagro, norte). */
    int netconfPort(final String name) {
        return ready.get(name).path("netconf-port").asInt();
    }

    /**
     * The directory of the nodes' log files (NAME.log, NAME-kme-audit.log, NAME-netconf.log,
     * NAME-netconf-sessions.log).
     */
    Path logs() {
        return dir.resolve("logs");
    }

    /** The output file of node NAME. */
    Path output(final String name) {
        return dir.resolve(name + ".out");
    }

    private void pki() throws Exception {
        expectSuccess(archive.run("pki", "init", "--dir", dir.resolve("pki").toString()));
        for (String name : new String[] { "Almagro", "Norte" }) {
            final Matcher id = NODE_ID.matcher(Files.readString(dir.resolve(name.toLowerCase() + ".yaml")));
            if (!id.find()) {
                fail("no node id in " + name + ".yaml");
            }
            expectSuccess(archive.run("pki", "node", "--dir", dir.resolve("pki").toString(), "--name", name,
                "--id", id.group(1)));
        }
        for (String sae : SAES) {
            expectSuccess(archive.run("pki", "sae", "--dir", dir.resolve("pki").toString(), "--id", sae));
        }
    }

    private static void expectSuccess(final UnpackedArchive.Result result) {
        assertEquals(0, result.status(), result.output());
    }

    /** Sets the port of each link's END (listen, connect) to the one given by link id, or 0 for any free one. */
    private void rewriteLinkPorts(final String document, final String end, final Map<String, Integer> ports)
            throws IOException {
        final Path file = dir.resolve(document);
        final JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode link : root.path(NODE).path("qkd_links").path("qkd_link")) {
            if (link.path(EMULATION).path("channel").path(end) instanceof ObjectNode channel) {
                channel.put("port", ports.getOrDefault(link.path("qkdl_id").asText(), 0));
            }
        }
        JSON.writeValue(file.toFile(), root);
    }

    private void startNode(final String name) throws Exception {
        final Path readyFile = dir.resolve(name + ".ready.json");
        // as the systemd units run it: the service logging, files in logs/ named after the node
        final Map<String, String> env = Map.of(
            "SDQKD_LOG_CONFIG", archive.home().resolve("config/logback-service.xml").toString(),
            "SDQKD_JAVA_OPTS", "-Dsdqkd.log.dir=" + logs() + " -Dsdqkd.log.name=" + name);
        final Process process = archive.start(output(name), env, "node", "--config",
            dir.resolve(name + ".yaml").toString(),
            "--netconf-port", "0", "--kme-port", "0", "--ready-file", readyFile.toString());
        processes.put(name, process);
        final Instant deadline = Instant.now().plus(STARTUP);
        while (!Files.exists(readyFile)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                fail(name + " did not start (" + (process.isAlive() ? "timeout" : "exit " + process.exitValue())
                    + "):\n" + Files.readString(output(name)));
            }
            Thread.sleep(200);
        }
        ready.put(name, JSON.readTree(readyFile.toFile()));
    }

    /**
     * Stops node NAME with SIGTERM and returns its exit status.
     *
     * @param name the node
     * @return its exit status
     * @throws InterruptedException when interrupted
     */
    int stop(final String name) throws InterruptedException {
        final Process process = processes.get(name);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(name + " did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        for (Process process : processes.values()) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
