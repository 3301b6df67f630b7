package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.qkd.node.QkdNode;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.testsupport.peers.OdlController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenDaylight's own controller (its NETCONF connector and RESTCONF server, test-support's {@link OdlController})
 * mounts a QKD node's agent as it mounts any device: it reads the hello, fetches every announced module with
 * get-schema, builds the node's schema, and reads the node's ETSI GS QKD 015 data through {@code yang-ext:mount}.
 */
@Tag("interop")
@Timeout(420)
class OdlControllerMountIT {
    private static final Logger LOG = LoggerFactory.getLogger(OdlControllerMountIT.class);
    private static final UUID NODE = UUID.fromString("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    private static final Path INTEROP = Path.of("src/test/resources/interop");
    private static final String USER = "admin";
    private static final String PASSWORD = "secret-pass";
    private static final String MOUNTED = "sdqkd-almagro";
    private static final String JSON_TYPE = "application/yang-data+json";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    @DisplayName("issue 15: OpenDaylight mounts a node with no unavailable capability and reads its qkd_node")
    void openDaylightMountsTheNodeAndReadsItsData() throws Exception {
        try (QkdNode node = startNode(); OdlController odl = OdlController.start(Duration.ofMinutes(5), 1024)) {
            LOG.info("OpenDaylight controller: ready after {} ms, RSS {} kB", odl.startMillis(),
                odl.residentKilobytes().orElse(-1));
            final URI topologyNode = URI.create(odl.restconf() + "/data/network-topology:network-topology/"
                + "topology=topology-netconf/node=" + MOUNTED);
            final long mountStart = System.nanoTime();
            final HttpResponse<String> put = send(HttpRequest.newBuilder(topologyNode)
                .header("Content-Type", JSON_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(mountRequest(node.netconfPort()))));
            assertTrue(put.statusCode() == 201 || put.statusCode() == 204, put::body);

            final JsonNode netconfNode = awaitConnected(topologyNode);
            LOG.info("OpenDaylight mounted the node in {} ms; RSS {} kB",
                (System.nanoTime() - mountStart) / 1_000_000, odl.residentKilobytes().orElse(-1));
            final List<String> unavailable = new ArrayList<>();
            netconfNode.path("unavailable-capabilities").path("unavailable-capability").forEach(c ->
                unavailable.add(c.path("capability").asText() + " (" + c.path("failure-reason").asText() + ")"));
            assertEquals(List.of(), unavailable, "OpenDaylight's unavailable capabilities");
            final Set<String> available = new HashSet<>();
            netconfNode.path("available-capabilities").path("available-capability").forEach(c ->
                available.add(c.path("capability").asText()));
            assertTrue(available.stream().anyMatch(c -> c.contains("(urn:etsi:qkd:yang:etsi-qkd-node?revision=")),
                available::toString);
            assertTrue(available.stream().anyMatch(c -> c.endsWith(")notifications")), available::toString);

            final HttpResponse<String> data = send(HttpRequest.newBuilder(URI.create(topologyNode
                    + "/yang-ext:mount/etsi-qkd-sdn-node:qkd_node"))
                .header("Accept", JSON_TYPE).GET());
            assertEquals(200, data.statusCode(), data::body);
            final JsonNode qkdNode = JSON.readTree(data.body()).path("etsi-qkd-sdn-node:qkd_node");
            assertEquals(NODE.toString(), qkdNode.path("qkdn_id").asText(), data::body);
            assertEquals("rack 1", qkdNode.path("qkdn_location_id").asText(), data::body);
            assertEquals(2, qkdNode.path("qkd_interfaces").path("qkd_interface").size(), data::body);
        }
    }

    /** The body that asks OpenDaylight's NETCONF connector to mount a device (netconf-node-topology). */
    private static String mountRequest(final int port) {
        return """
            {"network-topology:node": [{"node-id": "%s", "netconf-node-topology:netconf-node": {
              "host": "127.0.0.1", "port": %d, "tcp-only": false, "keepalive-delay": 0,
              "login-password-unencrypted": {"username": "%s", "password": "%s"}}}]}
            """.formatted(MOUNTED, port, USER, PASSWORD);
    }

    /** Polls the node's operational state until it is connected; fails with its last state otherwise. */
    private JsonNode awaitConnected(final URI topologyNode) throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            final HttpResponse<String> state = send(HttpRequest.newBuilder(URI.create(topologyNode
                    + "?content=nonconfig")).header("Accept", JSON_TYPE).GET());
            last = state.statusCode() + " " + state.body();
            if (state.statusCode() == 200) {
                final JsonNode netconfNode = JSON.readTree(state.body()).path("network-topology:node").path(0)
                    .path("netconf-node-topology:netconf-node");
                if ("connected".equals(netconfNode.path("connection-status").asText())) {
                    return netconfNode;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("OpenDaylight did not connect to the node within " + CONNECT_TIMEOUT + ": " + last);
    }

    private HttpResponse<String> send(final HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A node as {@code sdqkd node} runs it, every port 0, its agent with a password user. */
    private QkdNode startNode() throws Exception {
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
            """.formatted(NODE, USER, hash), UTF_8);
        return QkdNode.start(NodeConfig.load(file).settings());
    }
}
