package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.ConnectionStatus;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Link;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.LinkKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.controller.Controller;
import org.sdqkd.controller.impl.model.NetworkBindings;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.InstanceDocumentCodec;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.features.DemoNetwork.DemoNode;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.ssh.qkd.api.HybridMethod;

/**
 * Issue 15's acceptance with the demo's three nodes each in its own {@code sdqkd node} process (the shipped example,
 * its varying key rates, ephemeral ports) and the controller the demo configures (pinned host keys, hybrid QKD SSH,
 * HTTPS RESTCONF) in this JVM: sessions to all three, the two QKD links with a live SKR, a link fault injected at Norte
 * through the controller's mount seen in the link state and on the RESTCONF event stream, and Norte killed with
 * SIGKILL and restarted on its ports shown disconnected, then connected, the other two sessions untouched. The
 * measured times are printed ({@code ControllerProcessesIT:} lines) for the README.
 */
@Timeout(600)
class ControllerProcessesIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String LINK_NORTE = ExampleNetwork.LINK_NORTE;
    private static final String LINK_CONCEPCION = ExampleNetwork.LINK_CONCEPCION;

    @TempDir
    Path dir;

    private final InstanceDocumentCodec codec = YangModels.documentCodec(YangModels.projectModels());
    private Controller controller;
    private HttpClient http;
    private String basic;

    @Test
    void theControllerFollowsThreeNodeProcessesThroughFaultsAndARestart() throws Exception {
        final DemoNetwork network = DemoNetwork.prepare(Path.of("target/config/node"), dir.resolve("run"));
        final List<NodeProcess> processes = new CopyOnWriteArrayList<>();
        final DemoCluster cluster = DemoCluster.start(network, true, new PrintWriter(new StringWriter()), processes);
        try {
            final long start = System.nanoTime();
            controller = DemoController.start(network, cluster, true);
            http = HttpClient.newBuilder().sslContext(DemoRestconf.trusting(network.directory().resolve("pki")
                .resolve("ca.crt"))).build();
            basic = DemoRestconf.basicAuthorization();
            final List<String> sessions = DemoController.awaitSessions(controller, network, WAIT);
            final double connectSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ControllerProcessesIT: controller start to all three sessions open: %.2f s%n",
                connectSeconds);
            final String norte = id(network, "Norte");
            final String concepcion = id(network, "Concepcion");
            final String almagro = id(network, "Almagro");
            for (String hybrid : List.of(norte, concepcion)) {
                final var state = await(n -> node(n, hybrid).getState(), s -> s != null
                    && s.getConnection() == ConnectionStatus.Connected && s.getQkdKeyId() != null);
                assertEquals(HybridMethod.MLKEM768_X25519_QKD_NAME, state.getKeyExchange(), sessions.toString());
                assertEquals(org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node
                    .State.HostKeyCheck.Pinned, state.getHostKeyCheck());
            }
            // Almagro, the controller's own site, is managed with standard methods (see features/README.md)
            final var almagroState = await(n -> node(n, almagro).getState(),
                s -> s != null && s.getConnection() == ConnectionStatus.Connected);
            assertNotNull(almagroState.getKeyExchange());

            // the two QKD links, ACTIVE, with an SKR above zero, and live: their state follows the nodes (the SKR or
            // the stored keys change; a link whose rate is constant still fills its key store)
            final Map<String, Link> first = new java.util.HashMap<>();
            for (String link : List.of(LINK_NORTE, LINK_CONCEPCION)) {
                first.put(link, await(n -> link(n, link), l -> l != null && l.getState() != null
                    && l.getState().getStatus() == ACTIVE.VALUE && l.getState().getSkr() != null
                    && l.getState().getSkr().getValue().longValue() > 0));
            }
            for (String link : List.of(LINK_NORTE, LINK_CONCEPCION)) {
                final var before = first.get(link).getState();
                await(n -> link(n, link), l -> l != null && l.getState() != null && l.getState().getSkr() != null
                    && l.getState().getSkr().getValue().longValue() > 0
                    && (!l.getState().getSkr().equals(before.getSkr())
                        || !java.util.Objects.equals(l.getState().getStoredKeys(), before.getStoredKeys())));
            }

            // a link-down fault at Norte's end, set through the controller's mount
            final BlockingQueue<Timed> events = subscribe();
            final String fault = "/data/sdqkd-network:network/node=" + norte + "/yang-ext:mount/etsi-qkd-sdn-node:"
                + "qkd_node/qkd_links/qkd_link=" + LINK_NORTE + "/sdqkd-qkd-node:emulation/fault";
            final long faultSet = System.nanoTime();
            final HttpResponse<String> put = send("PUT", fault, "{\"sdqkd-qkd-node:fault\":\"link-down\"}");
            assertTrue(put.statusCode() == 201 || put.statusCode() == 204, put.body());
            final Timed event = awaitEvent(events, e -> e.line().contains("link-state-changed")
                && e.line().contains(LINK_NORTE) && !e.line().contains("ACTIVE"));
            final double eventSeconds = (event.nanos() - faultSet) / 1e9;
            await(n -> link(n, LINK_NORTE), l -> l.getState() != null && l.getState().getStatus() != ACTIVE.VALUE);
            final double stateSeconds = (System.nanoTime() - faultSet) / 1e9;
            System.out.printf("ControllerProcessesIT: link-down at Norte (PUT through the mount) to "
                + "link-state-changed on the event stream: %.2f s, to the link state read not ACTIVE: %.2f s%n",
                eventSeconds, stateSeconds);
            assertTrue(eventSeconds < 10, "the fault took " + eventSeconds + " s to reach the event stream");
            assertEquals(ACTIVE.VALUE, link(network(), LINK_CONCEPCION).getState().getStatus(), "the other link");
            final HttpResponse<String> clear = send("PUT", fault, "{\"sdqkd-qkd-node:fault\":\"none\"}");
            assertEquals(204, clear.statusCode(), clear.body());
            await(n -> link(n, LINK_NORTE), l -> l.getState() != null && l.getState().getStatus() == ACTIVE.VALUE);

            // Norte killed (SIGKILL) and restarted on the same ports; Almagro's and Concepcion's sessions stay
            final NetconfSession almagroSession = session(almagro);
            final NetconfSession concepcionSession = session(concepcion);
            final NodeProcess killed = processes.stream().filter(p -> p.name().equals("Norte")).findFirst()
                .orElseThrow();
            final DemoNode norteNode = network.nodes().stream().filter(n -> n.name().equals("Norte")).findFirst()
                .orElseThrow();
            final long killedAt = System.nanoTime();
            ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();
            ProcessHandle.of(killed.pid()).ifPresent(h -> h.onExit().join());
            await(n -> node(n, norte).getState(), s -> s.getConnection() != ConnectionStatus.Connected);
            final double downSeconds = (System.nanoTime() - killedAt) / 1e9;
            final long restartAt = System.nanoTime();
            final NodeProcess restarted = NodeProcess.start("Norte", norteNode.config(),
                network.directory().resolve("logs"), List.of("--netconf-port",
                    Integer.toString(cluster.netconfPort("Norte")), "--kme-port",
                    Integer.toString(cluster.kmePort("Norte"))));
            processes.add(restarted);
            restarted.awaitReady(WAIT);
            final double readySeconds = (System.nanoTime() - restartAt) / 1e9;
            await(n -> node(n, norte).getState(), s -> s.getConnection() == ConnectionStatus.Connected
                && s.getQkdKeyId() != null);
            final double upSeconds = (System.nanoTime() - restartAt) / 1e9;
            System.out.printf("ControllerProcessesIT: Norte killed to shown not connected: %.2f s; restarted to "
                + "ready: %.2f s, to connected again (hybrid): %.2f s%n", downSeconds, readySeconds, upSeconds);
            assertTrue(almagroSession.isOpen() && concepcionSession.isOpen(), "the other sessions stayed open");
            assertEquals(almagroSession, session(almagro));
            assertEquals(concepcionSession, session(concepcion));
            for (String other : List.of(almagro, concepcion)) {
                assertEquals(ConnectionStatus.Connected, node(network(), other).getState().getConnection());
            }
        } finally {
            if (controller != null) {
                controller.close();
            }
            if (http != null) {
                http.close();
            }
            DemoCluster.stopAll(processes);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String id(final DemoNetwork network, final String name) {
        return network.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().id().toString();
    }

    private NetconfSession session(final String nodeId) {
        return controller.nodeSessions().session(new NodeId(nodeId)).orElseThrow();
    }

    private HttpResponse<String> send(final String method, final String path, final String json) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(controller.restconfRoot() + path))
            .header("Authorization", basic);
        if (json != null) {
            request.header("Content-Type", "application/yang-data+json");
        }
        return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The network (configuration and state) as RESTCONF answers it, decoded into the bindings. */
    private Network network() throws Exception {
        final HttpResponse<String> get = send("GET", "/data/sdqkd-network:network", null);
        assertEquals(200, get.statusCode(), get.body());
        final ContainerNode root = codec.read(new StringReader(get.body()), DocumentFormat.JSON);
        return NetworkBindings.shared().network(root.childByArg(new NodeIdentifier(Network.QNAME)));
    }

    private static Node node(final Network network, final String nodeId) {
        return network.nonnullNode().get(new NodeKey(new NodeId(nodeId)));
    }

    private static Link link(final Network network, final String linkId) {
        return network.nonnullLink().get(new LinkKey(new LinkId(linkId)));
    }

    /** Polls the network until what {@code view} shows of it meets {@code condition}. */
    private <T> T await(final View<T> view, final Predicate<T> condition) throws Exception {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = view.of(network());
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not reached in " + WAIT.toSeconds() + " s; last " + last);
    }

    /** A line of the event stream and when it arrived. */
    private record Timed(String line, long nanos) {
    }

    /** Reads the controller's {@code NETCONF} event stream (JSON, server-sent events) into a queue. */
    private BlockingQueue<Timed> subscribe() throws Exception {
        final HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
            URI.create(controller.restconfRoot() + "/streams/NETCONF/json")).header("Authorization", basic)
            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        final BlockingQueue<Timed> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (Stream<String> body = stream.body()) {
                body.forEach(line -> lines.add(new Timed(line, System.nanoTime())));
            } catch (RuntimeException e) {
                // the stream ends when the controller closes
            }
        });
        return lines;
    }

    private static Timed awaitEvent(final BlockingQueue<Timed> lines, final Predicate<Timed> wanted)
            throws InterruptedException {
        final List<String> seen = new ArrayList<>();
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            final Timed line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line.line());
                if (line.line().startsWith("data:") && wanted.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("not on the event stream; got " + seen);
    }

    /** What a test looks at in the network. */
    @FunctionalInterface
    private interface View<T> {
        T of(Network network) throws Exception;
    }
}
