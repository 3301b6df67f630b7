package org.sdqkd.qkd.node.impl.keys;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.api.RateSource;
import org.sdqkd.qkd.node.api.LinkChannel;

/** Key planes for tests in one JVM, on 127.0.0.1 with port 0, and the specs they are configured with. */
final class Planes implements AutoCloseable {
    static final long FAST = 20_000_000;

    private final TestPki pki;
    private final List<EmulatedKeyPlane> planes = new ArrayList<>();

    Planes(final TestPki pki) {
        this.pki = pki;
    }

    /** A node identity issued by the fixture's CA. */
    NodeIdentity node(final String name) {
        return node(name, pki);
    }

    /** A node identity whose certificate names another node ID than the identity. */
    NodeIdentity impostor(final String name, final UUID claimed) {
        return new NodeIdentity(claimed, name, "KME_" + name, pki.node(name, UUID.randomUUID()));
    }

    /**
     * Two planes, A listening and B connecting, one link between them, and mirrored applications: SAE_A at A with
     * SAE_B (and SAE_C) at B.
     */
    Pair pair(final RateSource rate, final int capacity, final Duration lifetime) {
        final NodeIdentity nodeA = node("A" + planes.size());
        final NodeIdentity nodeB = node("B" + planes.size());
        final EmulatedKeyPlane a = plane(nodeA, lifetime);
        final EmulatedKeyPlane b = plane(nodeB, lifetime);
        final UUID link = UUID.randomUUID();
        a.applyLinks(List.of(listen(link, nodeB, rate, capacity)));
        b.applyLinks(List.of(connect(link, nodeA, a, rate, capacity)));
        a.applyApplications(List.of(app(UUID.randomUUID(), "SAE_A", "SAE_B", "SAE_C")));
        b.applyApplications(List.of(app(UUID.randomUUID(), "SAE_B", "SAE_A"),
            app(UUID.randomUUID(), "urn:sdqkd:sae:SAE_C", "urn:sdqkd:sae:SAE_A")));
        return new Pair(a, b, nodeA, nodeB, link);
    }

    Pair pair(final RateSource rate, final int capacity) {
        return pair(rate, capacity, EmulatedKeyPlane.DEFAULT_RESERVATION_LIFETIME);
    }

    /** Two connected planes. */
    record Pair(EmulatedKeyPlane a, EmulatedKeyPlane b, NodeIdentity nodeA, NodeIdentity nodeB, UUID link) {
        LinkState stateA() {
            return state(a, link);
        }

        LinkState stateB() {
            return state(b, link);
        }

        /** Waits until both ends store at least {@code keys}. */
        void awaitStored(final long keys) {
            await(keys + " keys at both ends", () -> stateA().storedKeys() >= keys && stateB().storedKeys() >= keys);
        }

        /** Waits until both ends report a condition. */
        void awaitCondition(final LinkState.Condition condition) {
            await(condition + " at both ends", () -> stateA().condition() == condition
                && stateB().condition() == condition);
        }

        /** Changes A's end of the link. */
        void changeA(final java.util.function.UnaryOperator<LinkSpec> change) {
            a.applyLinks(List.of(change.apply(a.link(link).spec())));
        }

        /** Changes B's end of the link. */
        void changeB(final java.util.function.UnaryOperator<LinkSpec> change) {
            b.applyLinks(List.of(change.apply(b.link(link).spec())));
        }
    }

    /** A node identity whose certificate names the node ID. */
    NodeIdentity node(final String name, final TestPki issuer) {
        final UUID id = UUID.randomUUID();
        return new NodeIdentity(id, name, "KME_" + name, issuer.node(name, id));
    }

    /** A started plane, closed with the fixture. */
    EmulatedKeyPlane plane(final NodeIdentity self, final Duration lifetime) {
        final EmulatedKeyPlane plane = new EmulatedKeyPlane(self, lifetime);
        planes.add(plane);
        return plane;
    }

    EmulatedKeyPlane plane(final NodeIdentity self) {
        return plane(self, EmulatedKeyPlane.DEFAULT_RESERVATION_LIFETIME);
    }

    /** The listening end of a link. */
    static LinkSpec listen(final UUID link, final NodeIdentity remote, final RateSource rate, final int capacity) {
        return new LinkSpec(link, true, remote.nodeId(), new LinkChannel.Listen("127.0.0.1", 0), rate, 0.02, 0.05,
            capacity, LinkSpec.Fault.NONE, OptionalDouble.empty());
    }

    /** The connecting end of a link whose listening end is the first link of {@code listening}. */
    static LinkSpec connect(final UUID link, final NodeIdentity remote, final EmulatedKeyPlane listening,
            final RateSource rate, final int capacity) {
        final int port = listening.links().stream().filter(s -> s.id().equals(link)).findFirst().orElseThrow()
            .listenPort().orElseThrow();
        return new LinkSpec(link, true, remote.nodeId(), new LinkChannel.Connect("127.0.0.1", port), rate, 0.02,
            0.05, capacity, LinkSpec.Fault.NONE, OptionalDouble.empty());
    }

    static LinkSpec withFault(final LinkSpec s, final LinkSpec.Fault fault) {
        return new LinkSpec(s.id(), s.enabled(), s.remoteNode(), s.channel(), s.rate(), s.baselineQber(),
            s.qberThreshold(), s.capacityKeys(), fault, s.injectedQber());
    }

    static LinkSpec withEnabled(final LinkSpec s, final boolean enabled) {
        return new LinkSpec(s.id(), enabled, s.remoteNode(), s.channel(), s.rate(), s.baselineQber(),
            s.qberThreshold(), s.capacityKeys(), s.fault(), s.injectedQber());
    }

    static LinkSpec withQber(final LinkSpec s, final OptionalDouble qber) {
        return new LinkSpec(s.id(), s.enabled(), s.remoteNode(), s.channel(), s.rate(), s.baselineQber(),
            s.qberThreshold(), s.capacityKeys(), s.fault(), qber);
    }

    /** An application pairing a local SAE with remote ones over any link. */
    static AppSpec app(final UUID id, final String local, final String... remote) {
        return new AppSpec(id, local, Set.of(remote), List.of(), Optional.empty(), Optional.empty());
    }

    /** The state of a plane's link. */
    static LinkState state(final EmulatedKeyPlane plane, final UUID link) {
        return plane.links().stream().filter(s -> s.id().equals(link)).findFirst().orElseThrow();
    }

    /** Waits up to 15 s for a condition. */
    static void await(final String what, final BooleanSupplier condition) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Sleeps. */
    static void pause(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        planes.forEach(EmulatedKeyPlane::close);
    }
}
