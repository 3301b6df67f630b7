package org.sdqkd.benchmarks.kme;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.benchmarks.BenchPki;
import org.sdqkd.qkd.node.NodeParts;
import org.sdqkd.qkd.node.api.AppSpec;
import org.sdqkd.qkd.node.api.KeyPlane;
import org.sdqkd.qkd.node.api.KmeEndpoint;
import org.sdqkd.qkd.node.api.KmeSettings;
import org.sdqkd.qkd.node.api.LinkChannel;
import org.sdqkd.qkd.node.api.LinkSpec;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.api.RateSource;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * Two nodes' key planes in this JVM, A and B, joined by one emulated QKD link over TLS on loopback, each with its ETSI
 * GS QKD 014 KME on a free port, and one application between SAE {@value #SAE_A} at A and SAE {@value #SAE_B} at B.
 * The set-up the KME and SSH handshake drivers share.
 */
public final class KeyPlanePair implements AutoCloseable {
    /** The SAE at node A. */
    public static final String SAE_A = "sae-a";
    /** The SAE at node B. */
    public static final String SAE_B = "sae-b";

    private final KeyPlane a;
    private final KeyPlane b;
    private final KmeEndpoint kmeA;
    private final KmeEndpoint kmeB;
    private final TlsIdentity saeA;
    private final TlsIdentity saeB;
    private final int capacity;

    private KeyPlanePair(final KeyPlane a, final KeyPlane b, final KmeEndpoint kmeA,
            final KmeEndpoint kmeB, final TlsIdentity saeA, final TlsIdentity saeB, final int capacity) {
        this.a = a;
        this.b = b;
        this.kmeA = kmeA;
        this.kmeB = kmeB;
        this.saeA = saeA;
        this.saeB = saeB;
        this.capacity = capacity;
    }

    /**
     * Starts both nodes' key planes and KMEs, with a new test PKI in {@code dir}.
     *
     * @param dir      where the PKI goes
     * @param skr      the link's secret key rate, bits per second
     * @param capacity the link's key store, in 256-bit units
     * @return the running pair
     * @throws IOException when a KME cannot start
     */
    public static KeyPlanePair start(final Path dir, final long skr, final int capacity) throws IOException {
        final BenchPki pki = BenchPki.create(dir);
        final UUID idA = UUID.randomUUID();
        final UUID idB = UUID.randomUUID();
        final UUID link = UUID.randomUUID();
        final TlsIdentity nodeA = pki.node("A", idA);
        final TlsIdentity nodeB = pki.node("B", idB);
        final KeyPlane a = NodeParts.emulatedKeyPlane(new NodeIdentity(idA, "A", "KME_A", nodeA));
        final KeyPlane b = NodeParts.emulatedKeyPlane(new NodeIdentity(idB, "B", "KME_B", nodeB));
        KmeEndpoint kmeA = null;
        try {
            a.applyLinks(List.of(spec(link, idB, new LinkChannel.Listen("127.0.0.1", 0), skr, capacity)));
            final int port = a.links().getFirst().listenPort().orElseThrow();
            b.applyLinks(List.of(spec(link, idA, new LinkChannel.Connect("127.0.0.1", port), skr, capacity)));
            a.applyApplications(List.of(app(SAE_A, SAE_B, link, idB)));
            b.applyApplications(List.of(app(SAE_B, SAE_A, link, idA)));
            kmeA = NodeParts.startKme(KmeSettings.of("127.0.0.1", 0, nodeA), a);
            final KmeEndpoint kmeB = NodeParts.startKme(KmeSettings.of("127.0.0.1", 0, nodeB), b);
            return new KeyPlanePair(a, b, kmeA, kmeB, pki.sae(SAE_A), pki.sae(SAE_B), capacity);
        } catch (IOException | RuntimeException e) {
            if (kmeA != null) {
                kmeA.close();
            }
            a.close();
            b.close();
            throw e;
        }
    }

    private static LinkSpec spec(final UUID link, final UUID remote, final LinkChannel channel, final long skr,
            final int capacity) {
        return new LinkSpec(link, true, remote, channel, new RateSource.Fixed(skr), 0.01, 0.11, capacity,
            LinkSpec.Fault.NONE, OptionalDouble.empty());
    }

    private static AppSpec app(final String local, final String remote, final UUID link, final UUID remoteNode) {
        return new AppSpec(UUID.randomUUID(), local, Set.of(remote), List.of(link), Optional.of(remoteNode),
            Optional.empty());
    }

    /**
     * Waits until node A's store of the link holds this many keys.
     *
     * @param keys the number of stored keys
     * @throws InterruptedException if interrupted
     * @throws IllegalStateException if the store does not fill within a minute
     */
    public void awaitKeys(final long keys) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            final LinkState state = a.links().getFirst();
            if (state.storedKeys() >= keys) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the link did not fill: " + a.links().getFirst());
    }

    /** The link's key store capacity, in keys. */
    public int capacity() {
        return capacity;
    }

    /** Node A's KME. */
    public URI kmeA() {
        return URI.create("https://127.0.0.1:" + kmeA.port());
    }

    /** Node B's KME. */
    public URI kmeB() {
        return URI.create("https://127.0.0.1:" + kmeB.port());
    }

    /** SAE A's client identity. */
    public TlsIdentity saeA() {
        return saeA;
    }

    /** SAE B's client identity. */
    public TlsIdentity saeB() {
        return saeB;
    }

    @Override
    public void close() {
        kmeA.close();
        kmeB.close();
        a.close();
        b.close();
    }
}
