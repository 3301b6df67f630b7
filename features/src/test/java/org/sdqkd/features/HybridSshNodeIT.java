package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.testing.KmeClient;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;
import org.sdqkd.ssh.qkd.testing.RecordingKeySource;

/**
 * The project's NETCONF client, beside Almagro's KME as the controller's SAE, and Norte's agent, beside Norte's KME,
 * run full NETCONF sessions over each hybrid QKD key exchange method; the nodes run as {@code sdqkd node} processes.
 * The two KMEs' audit logs show each key taken once with enc_keys at Almagro and once with dec_keys at Norte.
 */
@Timeout(300)
class HybridSshNodeIT {
    private static final String CONTROLLER_SAE = "sae-almagro-controller";
    private static final String NORTE_SAE = "sae-norte-nc";

    @TempDir
    Path dir;

    @Test
    void theControllerReachesNorteOverEachHybridMethodWithAKeyTakenOnceAtEachKme() throws Exception {
        final Path example = ExampleNetwork.copy(dir, false, "2000000");
        try (ExampleNetwork net = ExampleNetwork.start(example, dir.resolve("run"));
             NetconfClient client = NetconfClient.create()) {
            final Path pki = net.pki();
            final TlsIdentity controller = TlsIdentity.load(pki.resolve(CONTROLLER_SAE + ".crt"),
                pki.resolve(CONTROLLER_SAE + ".key"), pki.resolve("ca.crt"));
            final URI almagroKme = URI.create("https://127.0.0.1:" + net.cluster.kmePort("Almagro"));
            awaitKeys(almagroKme, controller);
            try (CloseableKeySource kme = QkdKeySources.etsi014(almagroKme, controller.sslContext(), CONTROLLER_SAE,
                    Duration.ofSeconds(3))) {
                final RecordingKeySource recording = new RecordingKeySource(kme);
                final List<String> sessions = new ArrayList<>();
                for (HybridMethod method : HybridMethod.values()) {
                    final ClientQkd qkd = new ClientQkd(SshQkdSettings.of(KexPolicy.REQUIRED)
                        .withMethods(List.of(method)), recording, NORTE_SAE);
                    final ConnectOptions options = ConnectOptions.builder("127.0.0.1", net.cluster.netconfPort("Norte"),
                            "admin").password("sdqkd-demo".toCharArray()).hostKeys(HostKeyVerification.acceptAny())
                        .qkd(qkd).build();
                    final NetconfSession session = client.connect(options).get(60, TimeUnit.SECONDS);
                    final NetconfOperations ops = new NetconfOperations(session);
                    try {
                        final List<XmlElement> running = ops.getConfig(Datastore.RUNNING).get(30,
                            TimeUnit.SECONDS);
                        assertTrue(running.stream().anyMatch(e -> "qkd_node".equals(e.localName())),
                            "running holds Norte's qkd_node");
                        final String state = ops.get().get(30, TimeUnit.SECONDS).toString();
                        sessions.add(state);
                        ops.closeSession().get(30, TimeUnit.SECONDS);
                    } finally {
                        session.close();
                    }
                }
                final List<UUID> taken = recording.newKeyIds();
                assertEquals(2, taken.size(), "one QKD key per session");
                final String almagroLog = Files.readString(net.cluster.log("Almagro"));
                final String norteLog = Files.readString(net.cluster.log("Norte"));
                for (int i = 0; i < taken.size(); i++) {
                    final UUID id = taken.get(i);
                    final HybridMethod method = HybridMethod.values()[i];
                    assertEquals(1, count(almagroLog, "enc_keys by SAE " + CONTROLLER_SAE + " for slave SAE "
                        + NORTE_SAE + ": 1 key, key_IDs [" + id + "]"), "Almagro's KME gave " + id + " once");
                    assertEquals(1, count(almagroLog, id.toString()), "Almagro's log names " + id + " once");
                    assertEquals(1, count(norteLog, "dec_keys by SAE " + NORTE_SAE + " from master SAE "
                        + CONTROLLER_SAE + ": 1 key, key_IDs [" + id + "]"), "Norte's KME gave " + id + " once");
                    assertEquals(1, count(norteLog, "hybrid key exchange " + method.sshName() + " #1 with SAE "
                        + CONTROLLER_SAE), "Norte's agent logged the exchange");
                    assertTrue(norteLog.contains("QKD key_ID " + id), "Norte's agent logged key_ID " + id);
                    assertTrue(sessions.get(i).contains(id.toString()), "session monitoring shows key_ID " + id);
                    assertTrue(sessions.get(i).contains(method.sshName()), "session monitoring shows the method");
                }
                assertFalse(norteLog.contains("Key encapsulation error"), "no MINA key encapsulation error");
            }
        }
    }

    private static int count(final String text, final String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** Waits until Almagro's KME holds keys for the controller and Norte's NETCONF SAE. */
    private static void awaitKeys(final URI kme, final TlsIdentity controller) throws Exception {
        try (KmeClient status = KmeClient.connect(kme, controller)) {
            for (int i = 0; i < 600; i++) {
                if (status.status(NORTE_SAE).storedKeyCount() >= 4) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no keys for " + CONTROLLER_SAE + " and " + NORTE_SAE + " after 60 s: "
                + status.status(NORTE_SAE));
        }
    }
}
