package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.qkd.node.QkdNode;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.restconf.gateway.RestconfGateway;

/**
 * A node started as {@code sdqkd node} starts it with a {@code restconf:} section: its ETSI GS QKD 015
 * notifications reach its gateway's event stream.
 */
@Timeout(120)
class NodeRestconfNotificationTest {
    private static final UUID NODE = UUID.fromString("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    private static final Path INTEROP = Path.of("src/test/resources/interop");
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void anSseSubscriberOfTheNodesGatewaySeesTheNodesNotification() throws Exception {
        final NodeSettings settings = settings();
        try (QkdNode node = QkdNode.start(settings);
                RestconfGateway gateway = NodeCommand.startRestconf(node, settings).orElseThrow();
                HttpClient http = HttpClient.newHttpClient()) {
            final String root = gateway.restconfRoot().toString();
            final HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                URI.create(root + "/streams/NETCONF/json")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, stream.statusCode());
            final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            final Thread reader = Thread.ofVirtual().start(() -> {
                try (Stream<String> body = stream.body()) {
                    body.forEach(lines::add);
                } catch (RuntimeException e) {
                    // the stream ends when the gateway closes
                }
            });
            // a new interface in running: the node's agent raises sdqkdn_interface_new for it
            final HttpResponse<InputStream> patch = http.send(HttpRequest.newBuilder(
                URI.create(root + "/data/etsi-qkd-sdn-node:qkd_node"))
                .header("Content-Type", "application/yang-data+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"etsi-qkd-sdn-node:qkd_node\":"
                    + "{\"qkd_interfaces\":{\"qkd_interface\":[{\"qkdi_id\":9,"
                    + "\"qkdi_att_point\":{\"device\":\"emulator\",\"port\":9}}]}}}", UTF_8)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = patch.body()) {
                assertEquals(204, patch.statusCode(), new String(body.readAllBytes(), UTF_8));
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            String event = null;
            while (event == null && System.nanoTime() < deadline) {
                final String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith("data:")
                        && line.contains("\"etsi-qkd-sdn-node:sdqkdn_interface_new\"")) {
                    event = line;
                }
            }
            assertTrue(event != null, "no sdqkdn_interface_new on the stream; got " + lines);
            assertTrue(event.contains("\"qkdi_id\":9"), event);
            assertTrue(event.contains("\"ietf-restconf:notification\""), event);
            reader.interrupt();
        }
    }

    /** A node's settings as {@code sdqkd node} reads them, every port 0, RESTCONF on loopback. */
    private NodeSettings settings() throws Exception {
        final Path pki = dir.resolve("pki");
        final CertificateAuthority ca = CertificateAuthority.create(pki, "test CA", Duration.ofDays(1));
        ca.issueNode(pki, "Almagro", NODE, Set.of("127.0.0.1"), Duration.ofDays(1));
        Files.copy(INTEROP.resolve("node-initial.json"), dir.resolve("initial.json"));
        final String hash = PasswordHash.hash("secret-pass".toCharArray(), PasswordHash.MIN_ITERATIONS).encoded();
        final Path file = dir.resolve("node.yaml");
        Files.writeString(file, """
            node: {name: Almagro, id: %s}
            pki: {ca: pki/ca.crt, certificate: pki/Almagro.crt, key: pki/Almagro.key}
            netconf:
              listen: {address: 127.0.0.1, port: 0}
              host-key: data/ssh_host_key
              datastore: data/datastore
              users:
                - name: admin
                  password-hash: %s
            kme:
              listen: {address: 127.0.0.1, port: 0}
            initial-config: initial.json
            restconf:
              listen: {address: 127.0.0.1, port: 0}
              plain-http: true
              unauthenticated: true
            """.formatted(NODE, hash), UTF_8);
        return NodeConfig.load(file).settings();
    }
}
