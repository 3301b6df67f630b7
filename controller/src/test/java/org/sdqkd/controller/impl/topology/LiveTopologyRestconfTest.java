package org.sdqkd.controller.impl.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.restconf.gateway.RestconfGateway;

/**
 * What an orchestrator sees of the live topology through the controller's RESTCONF gateway: the link's state under
 * {@code /data} and {@code link-state-changed} on the {@code NETCONF} event stream (RFC 8040 section 6), with two
 * real nodes.
 */
@Timeout(180)
class LiveTopologyRestconfTest {
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path directory;

    @Test
    void anOrchestratorReadsTheLinkStateAndReceivesLinkStateChanged() throws Exception {
        try (TwoNodeNetwork network = TwoNodeNetwork.start(directory, Codec.INSTANCE);
                RestconfGateway gateway = RestconfGateway.builder(network.controller(), YangModels.projectModels())
                    .listen("127.0.0.1", 0).plainHttp().unauthenticated().start();
                HttpClient http = HttpClient.newHttpClient();
                TestNodeSessions sessions = new TestNodeSessions();
                LiveTopology topology = LiveTopology.start(sessions, network.controller(), gateway.notifications(),
                    Codec.INSTANCE, TopologySettings.DEFAULT)) {
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
            sessions.connect(TwoNodeNetwork.ALPHA, network.alphaPort());
            sessions.connect(TwoNodeNetwork.BETA, network.betaPort());

            final String event = awaitLine(lines, line -> line.startsWith("data:")
                && line.contains("\"sdqkd-network:link-state-changed\"") && line.contains("ACTIVE"));
            assertTrue(event.contains(TwoNodeNetwork.LINK.getValue()), event);
            assertTrue(event.contains("\"skr\":\"" + TwoNodeNetwork.SKR + "\""), event);

            final HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(root
                + "/data/sdqkd-network:network/link=" + TwoNodeNetwork.LINK.getValue() + "/state"))
                .header("Accept", "application/yang-data+json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, state.statusCode(), state.body());
            assertTrue(state.body().contains("ACTIVE"), state.body());
            assertTrue(state.body().contains("\"stored-keys\""), state.body());
            reader.interrupt();
        }
    }

    private static String awaitLine(final BlockingQueue<String> lines,
            final java.util.function.Predicate<String> wanted) throws InterruptedException {
        final List<String> seen = new ArrayList<>();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            final String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("not on the event stream; got " + seen);
    }
}
