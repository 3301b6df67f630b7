package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.qkd.node.QkdNode;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.restconf.gateway.RestconfGateway;

/**
 * A node with a {@code restconf:} section, started as {@code sdqkd node} starts it, driven by clients we did not
 * write: Python {@code requests} replaying TeraFlowSDN's QKD driver against the TeraFlowSDN-compatible mode over
 * plain HTTP with Basic authentication against the node agent's users (as the driver sends it: {@code
 * auth=HTTPBasicAuth(user, password)}; a wrong password and none answered 401), and Ansible's {@code
 * ansible.netcommon} RESTCONF modules against the standard mode (without login, on loopback). Each skips when its
 * tool is missing (the launcher's test packages {@code python3-requests} and {@code ansible} bring them).
 */
@Tag("interop")
@Timeout(300)
class NodeRestconfIT {
    private static final UUID NODE = UUID.fromString("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    private static final String APP = "df4df2b2-eea8-4875-88bb-13d5deacf5f0";
    private static final String LINK = "7c5e2bd4-5a0b-4bd1-8fd0-2b6a0a52f0c1";
    private static final String PEER = "1a2b3c4d-0000-4000-8000-000000000002";
    private static final String HOP = "1a2b3c4d-0000-4000-8000-000000000003";
    private static final Path INTEROP = Path.of("src/test/resources/interop");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "tfs";
    private static final String PASSWORD = "secret-pass";

    @TempDir
    Path dir;

    @Test
    void pythonRequestsReplayingTheTeraFlowSdnDriverReadsAndConfiguresTheNode() throws Exception {
        assumeTrue(run(List.of("python3", "-c", "import requests"), Map.of()).exit() == 0,
            "python3 with requests (Debian python3-requests) is not installed");
        try (RunningNode node = RunningNode.start(dir, true)) {
            final Result result = run(List.of("python3", INTEROP.resolve("tfs_driver_sequence.py").toString(),
                node.root(), NODE.toString(), LINK, PEER, HOP, USER, PASSWORD), Map.of());
            assertEquals(0, result.exit(), result.output());
            final String[] lines = result.output().strip().split("\n");
            final JsonNode summary = JSON.readTree(lines[lines.length - 1]);
            assertEquals(JSON.readTree("[\"emulator:1\",\"emulator:2\"]"), summary.get("endpoints"));
            assertEquals(JSON.readTree("[\"" + APP + "\"]"), summary.get("apps"));
            assertEquals(JSON.readTree("{\"qkdn_capabilities\":{}}"), summary.get("capabilities"));
            assertEquals(NODE.toString(), summary.path("node").path("qkdn_id").asText());
            assertEquals("rack 1", summary.path("node").path("qkdn_location_id").asText());
            assertEquals(201, summary.get("create").asInt(), "the first POST creates the link");
            assertEquals(204, summary.get("update").asInt(), "the second POST of the same qkdl_id updates it");
            final JsonNode link = summary.get("link");
            assertEquals("etsi-qkd-node-types:VIRT", link.get("type").asText());
            assertEquals(PEER, link.path("remote").path("qkdn_id").asText());
            assertEquals(8, link.path("remote").path("qkdi_id").asInt(), "the update's interface");
            assertEquals(JSON.readTree("[\"" + HOP + "\"]"), link.get("next_hops"));
            assertTrue(link.get("prev_hop_absent").asBoolean(), "the driver's null is an absent value");
            assertEquals(401, summary.get("wrong_password").asInt(), "a wrong password is refused");
            assertEquals(401, summary.get("no_credentials").asInt(), "no credentials are refused");
            assertEquals("Basic", summary.get("challenge").asText().split(" ")[0]);
            assertEquals(1, summary.get("links_after_refusals").asInt(), "the refused POSTs changed nothing");
        }
    }

    @Test
    void ansibleNetcommonRestconfModulesReadAndChangeTheNode() throws Exception {
        assumeTrue(run(List.of("ansible-playbook", "--version"), Map.of()).exit() == 0,
            "ansible-playbook (Debian ansible) is not installed");
        try (RunningNode node = RunningNode.start(dir, false)) {
            final Path temp = Files.createDirectories(dir.resolve("ansible"));
            final Result result = run(List.of("ansible-playbook", "-i", "127.0.0.1,",
                "-e", "ansible_httpapi_port=" + node.gateway.port(), "-e", "node_id=" + NODE,
                INTEROP.resolve("restconf_node.yml").toString()), Map.of(
                    "ANSIBLE_LOCAL_TEMP", temp.resolve("local").toString(),
                    "ANSIBLE_PERSISTENT_CONTROL_PATH_DIR", temp.resolve("pc").toString(),
                    "ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "false",
                    "ANSIBLE_PERSISTENT_COMMAND_TIMEOUT", "60"));
            assertEquals(0, result.exit(), result.output());
            assertTrue(result.output().matches("(?s).*127\\.0\\.0\\.1\\s*:\\s*ok=12\\s+changed=3\\s+unreachable=0\\s+"
                + "failed=0.*"), "every task ran, three changed the node: " + result.output());
        }
    }

    /** A node as {@code sdqkd node} runs it, every port 0, with its RESTCONF gateway. */
    private record RunningNode(QkdNode node, RestconfGateway gateway) implements AutoCloseable {
        static RunningNode start(final Path dir, final boolean tfsCompatible) throws Exception {
            final Path pki = dir.resolve("pki");
            final CertificateAuthority ca = CertificateAuthority.create(pki, "test CA", Duration.ofDays(1));
            ca.issueNode(pki, "Almagro", NODE, Set.of("127.0.0.1"), Duration.ofDays(1));
            Files.copy(INTEROP.resolve("node-initial.json"), dir.resolve("initial.json"));
            final String hash = PasswordHash.hash(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS).encoded();
            final Path file = dir.resolve("node.yaml");
            Files.writeString(file, """
                node: {name: Almagro, id: %s}
                pki: {ca: pki/ca.crt, certificate: pki/Almagro.crt, key: pki/Almagro.key}
                netconf:
                  listen: {port: 0}
                  host-key: data/ssh_host_key
                  datastore: data/datastore
                  users:
                    - name: %s
                      password-hash: %s
                kme:
                  listen: {port: 0}
                initial-config: initial.json
                restconf:
                  listen: {address: 127.0.0.1, port: 0}
                  plain-http: true
                  unauthenticated: %s
                  tfs-compatible: %s
                """.formatted(NODE, USER, hash, !tfsCompatible, tfsCompatible), UTF_8);
            final NodeSettings settings = NodeConfig.load(file).settings();
            final QkdNode node = QkdNode.start(settings);
            try {
                return new RunningNode(node, NodeCommand.startRestconf(node, settings).orElseThrow());
            } catch (IOException | RuntimeException e) {
                node.close();
                throw e;
            }
        }

        /** {@code http://127.0.0.1:port}, the root TeraFlowSDN's driver is given. */
        String root() {
            final String restconf = gateway.restconfRoot().toString();
            return restconf.substring(0, restconf.length() - "/restconf".length());
        }

        @Override
        public void close() {
            gateway.close();
            node.close();
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(final List<String> command, final Map<String, String> environment)
            throws InterruptedException {
        final ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            final Process process = builder.start();
            final byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + new String(output, UTF_8));
            }
            return new Result(process.exitValue(), new String(output, UTF_8));
        } catch (IOException e) {
            return new Result(-1, command.get(0) + " cannot run: " + e.getMessage());
        }
    }
}
