package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sdqkd demo} as a new user runs it: the launcher starts the three nodes, prints the endpoints, and the
 * printed curl commands, run as printed, give the same key at both ends and show the controller's topology, Norte's
 * data through its mount and an application configured there; SIGINT stops every node process.
 */
class DemoIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("sdqkd.launcher", "../sdqkd"));
    private static final Pattern PID = Pattern.compile("started \\(pid (\\d+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Norte's qkdn_id in the shipped example. */
    private static final String NORTE = "c127b8fa-208c-451e-9f8c-3fd1e5108200";
    /** A line of SLF4J's simple logger ("2026-12-07T03:57:01.123Z [main] INFO org...") or of the JVM's warnings. */
    private static final Pattern LOG_LINE = Pattern.compile(
        "^(\\S+ )?\\[[^\\]]+\\] (TRACE|DEBUG|INFO|WARN|ERROR) |^WARNING: ");

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void theDemoReachesItsEndpointsAndThePrintedCurlCommandsAgree() throws Exception {
        final Process demo = startDemo();
        final List<String> output = new ArrayList<>();
        final List<Long> pids = new ArrayList<>();
        final List<String> curls = new ArrayList<>();
        try {
            readUntilEndpoints(demo, output, pids, curls);
            assertEquals(3, pids.size(), String.join("\n", output));
            final List<String> kme = curls.stream().filter(c -> c.contains("/api/v1/keys/")).toList();
            final List<String> restconf = curls.stream().filter(c -> c.contains("/restconf/")).toList();
            assertEquals(2, kme.size(), String.join("\n", output));
            assertEquals(4, restconf.size(), String.join("\n", output));
            // the demo's controller reached every node, Norte and Concepcion over the hybrid QKD key exchange
            for (String node : List.of("Norte", "Concepcion")) {
                assertTrue(output.stream().anyMatch(l -> l.startsWith("  " + node + " ")
                    && l.contains("mlkem768x25519-qkd-sha256@sdqkd.org, QKD key_ID ")), String.join("\n", output));
            }
            assertTrue(output.stream().anyMatch(l -> l.startsWith("  Almagro ") && l.contains("session ")),
                String.join("\n", output));
            assertTrue(output.stream().anyMatch(l -> l.contains("Ctrl-C stops every node")), String.join("\n",
                output));
            // issue 12: the terminal shows the demo's steps; logging, the controller sessions' included, goes to files
            assertEquals(List.of(), output.stream().filter(l -> LOG_LINE.matcher(l).find()).toList());
            final String demoLog = Files.readString(dir.resolve("demo").resolve("logs").resolve("demo.log"));
            assertTrue(demoLog.contains("INFO org.sdqkd.ssh.qkd.impl.HybridClientKex"), demoLog);

            checkRestconf(restconf);

            final JsonNode enc = JSON.readTree(shell(kme.get(0)));
            final String keyId = enc.path("keys").path(0).path("key_ID").asText();
            final String key = enc.path("keys").path(0).path("key").asText();
            assertFalse(keyId.isEmpty(), enc.toString());
            final JsonNode dec = JSON.readTree(shell(kme.get(1).replace("KEY_ID", keyId)));
            assertEquals(keyId, dec.path("keys").path(0).path("key_ID").asText(), dec.toString());
            assertEquals(key, dec.path("keys").path(0).path("key").asText());
            // the same key_ID once more: the standard error, no key
            final JsonNode again = JSON.readTree(shell(kme.get(1).replace("KEY_ID", keyId)));
            assertTrue(again.has("message") && !again.has("keys"), again.toString());
        } finally {
            // Ctrl-C: the launcher execs java, so this is the demo's own process
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
        assertEquals(0, demo.exitValue(), String.join("\n", output));
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "node " + pid + " runs");
        }
    }

    @Test
    @Timeout(300)
    void nodesStopWhenTheDemoIsKilled() throws Exception {
        final Process demo = startDemo();
        final List<String> output = new ArrayList<>();
        final List<Long> pids = new ArrayList<>();
        try {
            readUntilEndpoints(demo, output, pids, new ArrayList<>());
            assertEquals(3, pids.size(), String.join("\n", output));
        } finally {
            // SIGKILL: no shutdown hook of the demo runs; each node sees its parent end and stops by itself
            demo.destroyForcibly();
        }
        for (long pid : pids) {
            final var node = ProcessHandle.of(pid);
            if (node.isPresent()) {
                node.get().onExit().get(60, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The controller's printed RESTCONF commands, run with curl as printed: the topology (three nodes connected, both
     * links with an SKR above zero), Norte's qkd_node through its mount, the application PUT through the mount
     * (204: the demo made it when it checked the command) and read back.
     */
    private void checkRestconf(final List<String> restconf) throws Exception {
        final String topology = shell(restconf.get(0));
        final JsonNode network = JSON.readTree(topology).path("sdqkd-network:network");
        assertEquals(3, network.path("node").size(), topology);
        for (JsonNode node : network.path("node")) {
            assertEquals("connected", node.path("state").path("connection").asText(), topology);
        }
        for (String link : List.of(ExampleNetwork.LINK_NORTE, ExampleNetwork.LINK_CONCEPCION)) {
            assertTrue(DemoRestconf.hasLiveSkr(topology, link), topology);
        }
        final String qkdNode = shell(restconf.get(1));
        assertEquals(NORTE, JSON.readTree(qkdNode).path("etsi-qkd-sdn-node:qkd_node").path("qkdn_id").asText(),
            qkdNode);
        final String put = shell(restconf.get(2));
        assertEquals("204", put.strip(), put);
        final String app = shell(restconf.get(3));
        final JsonNode entry = JSON.readTree(app).path("etsi-qkd-sdn-node:qkd_app").path(0);
        assertEquals(NORTE, entry.path("local_qkdn_id").asText(), app);
        assertEquals(ExampleNetwork.LINK_NORTE, entry.path("backing_qkdl_id").path(0).asText(), app);
    }

    /** Starts {@code ./sdqkd demo} through the launcher on free ports. */
    private Process startDemo() throws IOException {
        // SIGINT as a terminal's Ctrl-C sends it, so the demo must not inherit it ignored: a build started in the
        // background of a shell without job control ignores it, and a JVM never handles a signal ignored at start
        final ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", "bash", LAUNCHER.toString(),
            "demo", "--ephemeral-ports", "--dir", dir.resolve("demo").toString()).redirectErrorStream(true);
        builder.environment().put("SDQKD_NO_BUILD", "1");
        return builder.start();
    }

    /** Reads the demo's output up to its {@code Logs:} line: every line, the node PIDs and the curl commands. */
    private static void readUntilEndpoints(final Process demo, final List<String> output, final List<Long> pids,
            final List<String> curls) throws IOException {
        final BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(),
            StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.add(line);
            final Matcher pid = PID.matcher(line);
            if (pid.find()) {
                pids.add(Long.parseLong(pid.group(1)));
            }
            if (line.startsWith("  curl ")) {
                curls.add(line.strip());
            }
            if (line.startsWith("Logs: ")) {
                return;
            }
        }
    }

    /** Runs a printed command line as a user's shell would. */
    private String shell(final String commandLine) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder("bash", "-c", commandLine).redirectErrorStream(true).start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), commandLine);
        assertEquals(0, process.exitValue(), commandLine + "\n" + out);
        return out;
    }
}
