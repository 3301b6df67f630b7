package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.ConnectionStatus;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.State;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.controller.Controller;
import org.sdqkd.controller.api.NodeSessionListener;
import org.sdqkd.controller.impl.model.NetworkBindings;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.features.DemoNetwork.DemoNode;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.qkd.node.QkdNode;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.testing.KmeClient;
import org.sdqkd.ssh.qkd.api.HybridMethod;

/**
 * {@code sdqkd controller} beside Almagro (its local KME) with the shipped three-node example, every node started in
 * this JVM on ports 0: sessions to Norte (pinned host key) and Concepcion (known-hosts file) over the hybrid QKD key
 * exchange, a wrong pinned key refused, nodes removed and added through RESTCONF, a node stopped and started again.
 * The nodes' state is read through the controller's RESTCONF and decoded into the generated bindings.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControllerNodesTest {
    private static final String CONTROLLER_SAE = "sae-almagro-controller";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private Path dir;
    private DemoNetwork network;
    private final Map<String, QkdNode> nodes = new HashMap<>();
    private final Map<String, NodeSettings> settings = new HashMap<>();
    private final Map<UUID, Integer> linkPorts = new HashMap<>();
    private final Map<String, PublicKey> hostKeys = new HashMap<>();
    private Controller controller;
    private HttpClient http;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startNetworkAndController(@TempDir final Path temporary) throws Exception {
        dir = temporary;
        network = DemoNetwork.prepare(ExampleNetwork.copy(dir, true, "2000000"), dir.resolve("run"));
        for (DemoNode node : network.nodes()) {
            if (node.listens()) {
                network.listenOnFreePorts(node);
            } else {
                network.connectTo(node, linkPorts);
            }
            final NodeSettings nodeSettings = NodeConfig.load(node.config()).withPorts(0, 0).settings();
            settings.put(node.name(), nodeSettings);
            final QkdNode started = QkdNode.start(nodeSettings);
            nodes.put(node.name(), started);
            linkPorts.putAll(started.linkPorts());
        }
        try (NetconfClient client = NetconfClient.create()) {
            for (String name : nodes.keySet()) {
                hostKeys.put(name, hostKey(client, nodes.get(name).netconfPort()));
            }
        }
        final Path pki = network.directory().resolve("pki");
        awaitKeys(pki, "sae-norte-nc");
        awaitKeys(pki, "sae-concepcion-nc");
        Files.writeString(dir.resolve("password"), "sdqkd-demo\n", UTF_8);
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port("Concepcion") + " "
            + PublicKeyEntry.toString(hostKeys.get("Concepcion")) + "\n", UTF_8);
        final Path config = dir.resolve("controller.yaml");
        Files.writeString(config, """
            datastore: data/datastore
            restconf:
              listen: {address: 127.0.0.1, port: 0}
              plain-http: true
              unauthenticated: true
            kme:
              url: https://127.0.0.1:%d
              sae-id: %s
              certificate: %s/%s.crt
              ca: %s/ca.crt
            ssh:
              password-file: password
              known-hosts: known_hosts
              connect-timeout: 60000
              reconnect: {initial: 200, max: 2000}
            network:
              node:
                - node-id: %s
                  name: Norte
                  netconf: {host: 127.0.0.1, port: %d, username: admin, sae-id: sae-norte-nc, host-key: '%s'}
                  kme: {kme-id: KME_Norte, url: 'https://127.0.0.1:%d'}
                - node-id: %s
                  name: Concepcion
                  netconf: {host: 127.0.0.1, port: %d, username: admin, sae-id: sae-concepcion-nc}
                  kme: {kme-id: KME_Concepcion, url: 'https://127.0.0.1:%d'}
            """.formatted(nodes.get("Almagro").kmePort(), CONTROLLER_SAE, pki, CONTROLLER_SAE, pki,
            id("Norte"), port("Norte"), fingerprint("Norte"), nodes.get("Norte").kmePort(),
            id("Concepcion"), port("Concepcion"), nodes.get("Concepcion").kmePort()), UTF_8);
        controller = Controller.load(config).start();
        controller.nodeSessions().addListener(new NodeSessionListener() {
            @Override
            public void connected(final NodeId node, final NetconfSession session) {
                events.add("connected " + node.getValue());
            }

            @Override
            public void disconnected(final NodeId node) {
                events.add("disconnected " + node.getValue());
            }
        });
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() {
        if (controller != null) {
            controller.close();
        }
        if (http != null) {
            http.close();
        }
        nodes.values().forEach(QkdNode::close);
    }

    @Test
    @Order(1)
    void connectsToBothNodesOverTheHybridKeyExchangeCheckingTheirHostKeys() throws Exception {
        final State norte = await("Norte", state -> state.getConnection() == ConnectionStatus.Connected);
        final State concepcion = await("Concepcion", state -> state.getConnection() == ConnectionStatus.Connected);
        for (State state : List.of(norte, concepcion)) {
            assertEquals(HybridMethod.MLKEM768_X25519_QKD_NAME, state.getKeyExchange(), state.toString());
            assertNotNull(state.getQkdKeyId(), "the QKD key_ID is reported");
            assertNotNull(state.getSessionId());
            assertFalse(state.requireCapability().isEmpty(), "the node's capabilities are reported");
            assertNotNull(state.getLastChange());
        }
        assertEquals(State.HostKeyCheck.Pinned, norte.getHostKeyCheck());
        assertEquals(fingerprint("Norte"), norte.getHostKeyFingerprint());
        assertEquals(State.HostKeyCheck.KnownHosts, concepcion.getHostKeyCheck());
        assertEquals(fingerprint("Concepcion"), concepcion.getHostKeyFingerprint());
        assertTrue(controller.nodeSessions().session(new NodeId(id("Norte"))).orElseThrow().isOpen());
    }

    @Test
    @Order(2)
    void readsANodesOwnDataThroughItsMountAndAnswersBadMountPathsClearly() throws Exception {
        await("Norte", state -> state.getConnection() == ConnectionStatus.Connected);
        final String mount = "/data/sdqkd-network:network/node=" + id("Norte") + "/yang-ext:mount";
        awaitTrue(() -> send("GET", mount + "/etsi-qkd-sdn-node:qkd_node/qkdn_id", null).statusCode() == 200,
            "Norte's schema resolved and its qkd_node readable through the mount");
        final HttpResponse<String> id = send("GET", mount + "/etsi-qkd-sdn-node:qkd_node/qkdn_id", null);
        assertTrue(id.body().contains(id("Norte")), id.body());
        final HttpResponse<String> unknownNode = send("GET", "/data/sdqkd-network:network/node="
            + "00000000-0000-4000-8000-000000000000/yang-ext:mount/etsi-qkd-sdn-node:qkd_node", null);
        assertEquals(404, unknownNode.statusCode(), unknownNode.body());
        assertTrue(unknownNode.body().contains("ietf-restconf:errors"), unknownNode.body());
        final HttpResponse<String> badPath = send("GET", mount + "/etsi-qkd-sdn-node:no_such_node", null);
        assertEquals(400, badPath.statusCode(), badPath.body());
        assertTrue(badPath.body().contains("ietf-restconf:errors"), badPath.body());
        // the other node's mount keeps working
        final String concepcion = "/data/sdqkd-network:network/node=" + id("Concepcion") + "/yang-ext:mount";
        awaitTrue(() -> send("GET", concepcion + "/etsi-qkd-sdn-node:qkd_node/qkdn_id", null).statusCode() == 200,
            "Concepcion readable through its mount");
    }

    @Test
    @Order(3)
    void aNodeWhoseHostKeyIsNotThePinnedOneIsUnauthorizedUntilItsConfigurationChanges() throws Exception {
        final String wrong = "SHA256:" + "A".repeat(43);
        assertEquals(201, send("POST", "/data/sdqkd-network:network", almagro(wrong)).statusCode());
        final State refused = await("Almagro", state -> state.getConnection() == ConnectionStatus.Unauthorized);
        assertEquals(fingerprint("Almagro"), refused.getHostKeyFingerprint(), "the key presented is reported");
        assertTrue(refused.getMessage().contains("is not the pinned " + wrong), refused.getMessage());
        Thread.sleep(1500);
        assertEquals(refused.getLastChange(), state("Almagro").orElseThrow().getLastChange(), "no retry");
        assertTrue(controller.nodeSessions().session(new NodeId(id("Almagro"))).isEmpty());
        // the configuration changes: the right key is pinned, and the controller connects
        final HttpResponse<String> put = send("PUT", "/data/sdqkd-network:network/node=" + id("Almagro")
            + "/netconf/host-key", "{\"sdqkd-network:host-key\":\"" + fingerprint("Almagro") + "\"}");
        assertEquals(204, put.statusCode(), put.body());
        final State connected = await("Almagro", state -> state.getConnection() == ConnectionStatus.Connected);
        assertEquals(State.HostKeyCheck.Pinned, connected.getHostKeyCheck());
        assertNotNull(connected.getKeyExchange());
        assertNull(connected.getQkdKeyId(), "key-exchange off: a standard method, no QKD key");
    }

    @Test
    @Order(4)
    void aNodeDeletedThroughRestconfIsDisconnectedAndOneAddedIsConnected() throws Exception {
        final NodeId almagro = new NodeId(id("Almagro"));
        final NetconfSession session = controller.nodeSessions().session(almagro).orElseThrow();
        final HttpResponse<String> deleted = send("DELETE", "/data/sdqkd-network:network/node=" + id("Almagro"),
            null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        awaitTrue(() -> !session.isOpen() && controller.nodeSessions().session(almagro).isEmpty(), "session closed");
        awaitTrue(() -> state("Almagro").isEmpty(), "its state is gone");
        assertTrue(events.contains("disconnected " + id("Almagro")), events.toString());
        assertEquals(201, send("POST", "/data/sdqkd-network:network", almagro(fingerprint("Almagro"))).statusCode());
        await("Almagro", state -> state.getConnection() == ConnectionStatus.Connected);
        assertTrue(controller.nodeSessions().session(almagro).orElseThrow().isOpen());
    }

    @Test
    @Order(5)
    void aNodeStoppedIsDisconnectedThenReconnectedAfterItsRestartAndTheOthersAreUnaffected() throws Exception {
        final NetconfSession concepcion = controller.nodeSessions().session(new NodeId(id("Concepcion")))
            .orElseThrow();
        final long concepcionSession = state("Concepcion").orElseThrow().getSessionId().longValue();
        final int norteNetconf = port("Norte");
        final int norteKme = nodes.get("Norte").kmePort();
        nodes.remove("Norte").close();
        final State down = await("Norte", state -> state.getConnection() != ConnectionStatus.Connected);
        assertNotNull(down.getMessage(), "why it is down");
        await("Norte", state -> state.getConnection() == ConnectionStatus.Disconnected);
        nodes.put("Norte", QkdNode.start(NodeConfig.load(network.nodes().stream()
            .filter(n -> n.name().equals("Norte")).findFirst().orElseThrow().config())
            .withPorts(norteNetconf, norteKme).settings()));
        final State up = await("Norte", state -> state.getConnection() == ConnectionStatus.Connected);
        assertEquals(HybridMethod.MLKEM768_X25519_QKD_NAME, up.getKeyExchange());
        assertTrue(concepcion.isOpen(), "Concepcion's session stayed open");
        assertEquals(concepcionSession, state("Concepcion").orElseThrow().getSessionId().longValue());
        assertEquals(ConnectionStatus.Connected, state("Concepcion").orElseThrow().getConnection());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String almagro(final String hostKey) {
        return """
            {"sdqkd-network:node": [{"node-id": "%s", "name": "Almagro",
              "netconf": {"host": "127.0.0.1", "port": %d, "username": "admin", "key-exchange": "off",
                          "host-key": "%s"},
              "kme": {"kme-id": "KME_Almagro", "url": "https://127.0.0.1:%d"}}]}
            """.formatted(id("Almagro"), port("Almagro"), hostKey, nodes.get("Almagro").kmePort());
    }

    private String id(final String name) {
        return settings.get(name).nodeId().toString();
    }

    private int port(final String name) {
        return nodes.get(name).netconfPort();
    }

    private String fingerprint(final String name) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKeys.get(name));
    }

    /** The node's host key, read by a session with standard methods that records it. */
    private static PublicKey hostKey(final NetconfClient client, final int port) throws Exception {
        final AtomicReference<PublicKey> seen = new AtomicReference<>();
        try (NetconfSession session = client.connect(ConnectOptions.builder("127.0.0.1", port, "admin")
                .password("sdqkd-demo".toCharArray()).connectTimeout(WAIT).helloTimeout(WAIT)
                .hostKeys(HostKeyVerification.checked((address, key) -> {
                    seen.set(key);
                    return true;
                })).build()).get(WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
            assertTrue(session.isOpen());
        }
        return seen.get();
    }

    private void awaitKeys(final Path pki, final String slave) throws Exception {
        final TlsIdentity sae = TlsIdentity.load(pki.resolve(CONTROLLER_SAE + ".crt"),
            pki.resolve(CONTROLLER_SAE + ".key"), pki.resolve("ca.crt"));
        try (KmeClient kme = KmeClient.connect(URI.create("https://127.0.0.1:" + nodes.get("Almagro").kmePort()),
                sae)) {
            for (int i = 0; i < 600; i++) {
                if (kme.status(slave).storedKeyCount() >= 8) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no keys for " + slave + " at Almagro's KME");
        }
    }

    private HttpResponse<String> send(final String method, final String path, final String json) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(controller.restconfRoot() + path));
        if (json != null) {
            request.header("Content-Type", "application/yang-data+json");
        }
        return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A node's state as RESTCONF GET of the network answers it, decoded into the bindings. */
    private Optional<State> state(final String name) throws Exception {
        final HttpResponse<String> get = send("GET", "/data/sdqkd-network:network", null);
        if (get.statusCode() == 404) {
            return Optional.empty();
        }
        assertEquals(200, get.statusCode(), get.body());
        final ContainerNode root = YangModels.documentCodec(YangModels.projectModels())
            .read(new StringReader(get.body()), DocumentFormat.JSON);
        final Network decoded = NetworkBindings.shared().network(root.childByArg(new NodeIdentifier(Network.QNAME)));
        final Node node = decoded.nonnullNode().get(new NodeKey(new NodeId(id(name))));
        return node == null ? Optional.empty() : Optional.ofNullable(node.getState());
    }

    private State await(final String name, final Predicate<State> condition) throws Exception {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        Optional<State> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = state(name);
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + ": not reached in " + WAIT.toSeconds() + " s; last state " + last);
    }

    private static void awaitTrue(final Check check, final String what) throws Exception {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": not reached in " + WAIT.toSeconds() + " s");
    }

    /** A condition polled by {@link #awaitTrue}. */
    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
