package org.sdqkd.qkd.node.impl.relay;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.sdqkd.qkd.node.api.LinkChannel;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.api.RateSource;
import org.sdqkd.qkd.node.impl.keys.EmulatedKeyPlane;
import org.sdqkd.qkd.node.impl.relay.channel.ChannelSettings;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.tls.api.PqcPolicy;
import org.sdqkd.tls.api.PqcTls;

/**
 * Nodes in a line for relay tests, in one JVM on loopback with port 0: each with an emulated key plane, a fast
 * link to the next one and a relay node whose channel neighbours are set.
 */
final class RelayNetwork implements AutoCloseable {
    /** The links' rate: high enough not to limit the tests. */
    static final long RATE = 40_000_000;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final List<NodeIdentity> nodes = new ArrayList<>();
    final List<EmulatedKeyPlane> planes = new ArrayList<>();
    final List<RelayNode> relays = new ArrayList<>();
    final List<UUID> links = new ArrayList<>();
    private final TestPki pki;

    /**
     * A line of nodes.
     *
     * @param dir     a temporary directory for the PKI
     * @param names   the nodes' names
     * @param trusted whether each is a trusted relay
     */
    RelayNetwork(final Path dir, final List<String> names, final List<Boolean> trusted) throws IOException {
        pki = TestPki.create(dir.resolve("pki"), "Test CA");
        for (int i = 0; i < names.size(); i++) {
            final UUID id = UUID.randomUUID();
            final NodeIdentity node = new NodeIdentity(id, names.get(i), "KME_" + names.get(i),
                pki.node(names.get(i), id));
            nodes.add(node);
            planes.add(new EmulatedKeyPlane(node));
            relays.add(RelayNode.start(settings(i), trusted.get(i), planes.get(i), LOOPBACK, 0));
        }
        final List<List<LinkSpec>> specs = new ArrayList<>();
        names.forEach(name -> specs.add(new ArrayList<>()));
        for (int i = 0; i + 1 < names.size(); i++) {
            final UUID link = UUID.randomUUID();
            links.add(link);
            specs.get(i).add(spec(link, nodes.get(i + 1), new LinkChannel.Listen("127.0.0.1", 0)));
            planes.get(i).applyLinks(specs.get(i));
            final int port = planes.get(i).links().stream().filter(state -> state.id().equals(link)).findFirst()
                .orElseThrow().listenPort().orElseThrow();
            specs.get(i + 1).add(spec(link, nodes.get(i), new LinkChannel.Connect("127.0.0.1", port)));
            planes.get(i + 1).applyLinks(specs.get(i + 1));
            relays.get(i).setPeer(id(i + 1), new InetSocketAddress(LOOPBACK, relays.get(i + 1).port()));
            relays.get(i + 1).setPeer(id(i), new InetSocketAddress(LOOPBACK, relays.get(i).port()));
        }
    }

    /** Channel settings of node {@code i} (hybrid PQC required). */
    ChannelSettings settings(final int i) {
        return new ChannelSettings(nodes.get(i).nodeId(), PqcTls.of(nodes.get(i).tls(), PqcPolicy.REQUIRED),
            Duration.ofSeconds(30), ChannelSettings.DEFAULT_MAX_FRAME_BYTES);
    }

    UUID id(final int i) {
        return nodes.get(i).nodeId();
    }

    /** The route through every node, in order. */
    RelayRoute route(final UUID association) {
        return new RelayRoute(association, nodes.stream().map(NodeIdentity::nodeId).toList());
    }

    /** Waits until every link's ends are connected and hold {@code units}. */
    void awaitUnits(final long units) {
        await("link units", () -> planes.stream().allMatch(plane -> plane.links().stream()
            .allMatch(state -> state.storedKeys() >= units)));
    }

    private static LinkSpec spec(final UUID link, final NodeIdentity remote, final LinkChannel channel) {
        return new LinkSpec(link, true, remote.nodeId(), channel, new RateSource.Fixed(RATE), 0.02, 0.05, 1_000_000,
            LinkSpec.Fault.NONE, OptionalDouble.empty());
    }

    static void await(final String what, final BooleanSupplier condition) {
        await(what, condition, Duration.ofSeconds(30));
    }

    static void await(final String what, final BooleanSupplier condition, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (RelayNode relay : relays) {
            relay.close();
        }
        planes.forEach(EmulatedKeyPlane::close);
    }
}
