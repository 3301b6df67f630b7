package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.testsupport.peers.NetconfEndpoint;
import org.sdqkd.netconf.interop.tools.AgentUnderTest;
import org.sdqkd.netconf.interop.tools.Ncclient;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.testing.KmeClient;
import org.sdqkd.qkd.node.testing.KmeClientException;

/**
 * The example network's nodes, each in its own process (as {@code sdqkd node} runs them): keys taken at one node
 * with enc_keys equal, byte for byte, the keys taken at the other by key_ID with dec_keys; faults injected over
 * NETCONF at one end are seen, by ncclient, at the other.
 */
@Timeout(600)
class NodeNetworkIT {
    private static final int KEYS = 10_000;
    private static final String ALMAGRO = "b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23";
    private static final String NORTE = "c127b8fa-208c-451e-9f8c-3fd1e5108200";

    @TempDir
    Path dir;

    @Test
    void twoNodesInTwoProcessesDeliverTheSameKeys() throws Exception {
        final Path example = ExampleNetwork.copy(dir, false, "20000000");
        try (ExampleNetwork net = ExampleNetwork.start(example, dir.resolve("run"))) {
            assertEquals(2, net.network.nodes().size());
            assertSameKeys(net, "sae-almagro-1", "Almagro", "sae-norte-1", "Norte", KEYS);
            assertSameKeys(net, "sae-norte-1", "Norte", "sae-almagro-1", "Almagro", 1_000);
        }
    }

    @Test
    void threeNodesInThreeProcessesDeliverTheSameKeys() throws Exception {
        final Path example = ExampleNetwork.copy(dir, true, "20000000");
        try (ExampleNetwork net = ExampleNetwork.start(example, dir.resolve("run"))) {
            assertEquals(3, net.network.nodes().size());
            assertSameKeys(net, "sae-almagro-1", "Almagro", "sae-norte-1", "Norte", KEYS);
            assertSameKeys(net, "sae-almagro-1", "Almagro", "sae-concepcion-1", "Concepcion", KEYS);
            assertSameKeys(net, "sae-concepcion-1", "Concepcion", "sae-almagro-1", "Almagro", 1_000);
        }
    }

    @Test
    void faultsInjectedAtOneEndAreSeenByAnNcclientSubscriberAtTheOther() throws Exception {
        Ncclient.requireInstalled();
        final Path example = ExampleNetwork.copy(dir, false, "200000");
        try (ExampleNetwork net = ExampleNetwork.start(example, dir.resolve("run"))) {
            final AgentUnderTest almagro = AgentUnderTest.at(new NetconfEndpoint("127.0.0.1",
                net.cluster.netconfPort("Almagro"), "admin", "sdqkd-demo", Optional.empty()));
            final Ncclient.Summary summary = Ncclient.script("ncclient_node_faults.py", almagro,
                List.of(Integer.toString(net.cluster.netconfPort("Norte")), ExampleNetwork.LINK_NORTE), dir,
                Duration.ofSeconds(300));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals(25, summary.passed().size(), summary::describe);
        }
    }

    @Test
    void ncclientConfiguresANewLinkAndApplicationOnRunningNodesAndIsRefusedAnInvalidOne() throws Exception {
        Ncclient.requireInstalled();
        final Path example = ExampleNetwork.copy(dir, false, "200000");
        try (ExampleNetwork net = ExampleNetwork.start(example, dir.resolve("run"))) {
            final AgentUnderTest almagro = AgentUnderTest.at(new NetconfEndpoint("127.0.0.1",
                net.cluster.netconfPort("Almagro"), "admin", "sdqkd-demo", Optional.empty()));
            final String link = UUID.randomUUID().toString();
            final Ncclient.Summary summary = Ncclient.script("ncclient_node_config.py", almagro,
                List.of(Integer.toString(net.cluster.netconfPort("Norte")), link, UUID.randomUUID().toString(),
                    ALMAGRO, NORTE), dir, Duration.ofSeconds(180));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals(List.of("edit-listening-end", "listen-port", "edit-connecting-end", "listening-end-active",
                "connecting-end-active", "invalid-refused", "invalid-not-kept"), summary.passed(), summary::describe);
            // the new SAEs of the new application get keys over the new link
            final Path pki = net.network.directory().resolve("pki");
            final CertificateAuthority ca = CertificateAuthority.load(pki);
            ca.issueSae(pki, "sae-almagro-2", Duration.ofDays(1));
            ca.issueSae(pki, "sae-norte-2", Duration.ofDays(1));
            assertSameKeys(net, "sae-almagro-2", "Almagro", "sae-norte-2", "Norte", 100);
        }
    }

    /** enc_keys at the master's node, dec_keys at the slave's, in batches of 100; every key equal and new. */
    private static void assertSameKeys(final ExampleNetwork net, final String master, final String masterNode,
            final String slave, final String slaveNode, final int count) throws Exception {
        final Path pki = net.network.directory().resolve("pki");
        final Set<UUID> ids = new HashSet<>();
        final Set<String> seenKeys = new HashSet<>();
        try (KmeClient enc = KmeClient.connect(URI.create("https://127.0.0.1:" + net.cluster.kmePort(masterNode)),
                sae(pki, master));
             KmeClient dec = KmeClient.connect(URI.create("https://127.0.0.1:" + net.cluster.kmePort(slaveNode)),
                sae(pki, slave))) {
            awaitStored(enc, slave, 100);
            int checked = 0;
            while (checked < count) {
                final List<DeliveredKey> sent = takeKeys(enc, slave, Math.min(100, count - checked));
                final List<DeliveredKey> got = dec.decKeys(master, sent.stream().map(DeliveredKey::keyId).toList());
                assertEquals(sent.size(), got.size());
                for (int i = 0; i < sent.size(); i++) {
                    assertEquals(sent.get(i).keyId(), got.get(i).keyId());
                    assertTrue(sent.get(i).key().sameBytes(got.get(i).key()), "key " + sent.get(i).keyId());
                    assertTrue(ids.add(sent.get(i).keyId()), "key_ID twice: " + sent.get(i).keyId());
                    assertTrue(seenKeys.add(HexFormat.of().formatHex(sent.get(i).key().bytes())),
                        "the same key bytes twice");
                    sent.get(i).key().erase();
                    got.get(i).key().erase();
                }
                checked += sent.size();
            }
        }
        assertEquals(count, ids.size());
    }

    /** enc_keys, waiting while the link has too few keys (503). */
    private static List<DeliveredKey> takeKeys(final KmeClient enc, final String slave, final int number)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return enc.encKeys(slave, number, 256, List.of());
            } catch (KmeClientException e) {
                if (e.status() != 503 || attempt > 200) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static void awaitStored(final KmeClient enc, final String slave, final long keys) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (enc.status(slave).storedKeyCount() >= keys) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + keys + " keys after 60 s: " + enc.status(slave));
    }

    private static TlsIdentity sae(final Path pki, final String sae) throws IOException {
        return TlsIdentity.load(pki.resolve(sae + ".crt"), pki.resolve(sae + ".key"), pki.resolve("ca.crt"));
    }

}
