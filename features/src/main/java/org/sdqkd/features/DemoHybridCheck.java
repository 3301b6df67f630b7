package org.sdqkd.features;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sdqkd.features.DemoNetwork.DemoNode;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.qkd.node.api.NodeSshQkd;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The demo's controller: for every node whose NETCONF server has the hybrid key exchange, it connects as each peer
 * SAE, through the KME of the node that serves that SAE, with policy {@code required}, and prints the negotiated
 * method and the QKD key_ID the node's session monitoring reports.
 */
final class DemoHybridCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";

    private DemoHybridCheck() {
    }

    static void run(final DemoNetwork network, final DemoCluster cluster, final PrintWriter out) {
        final Path pki = network.directory().resolve("pki");
        boolean header = false;
        try (NetconfClient client = NetconfClient.create()) {
            for (DemoNode node : network.nodes()) {
                final Optional<NodeSshQkd> qkd;
                try {
                    qkd = NodeConfig.load(node.config()).settings().sshQkd();
                } catch (ConfigException e) {
                    out.printf("  %s: %s%n", node.name(), e.getMessage());
                    continue;
                }
                if (qkd.isEmpty()) {
                    continue;
                }
                if (!header) {
                    out.println();
                    out.println("NETCONF over the hybrid classical + QKD SSH key exchange (the controller's "
                        + "sessions):");
                    header = true;
                }
                for (String peer : qkd.get().settings().peers()) {
                    final Optional<DemoNode> home = network.nodes().stream().filter(n -> n.saes().contains(peer))
                        .findFirst();
                    if (home.isEmpty()) {
                        out.printf("  %s: no node serves the peer SAE %s%n", node.name(), peer);
                        continue;
                    }
                    out.printf("  %s as %s (keys from %s's KME): %s%n", node.name(), peer, home.get().name(),
                        connect(client, pki, peer, cluster.kmePort(home.get().name()), qkd.get().localSaeId(),
                            cluster.netconfPort(node.name())));
                }
            }
        }
        out.flush();
    }

    private static String connect(final NetconfClient client, final Path pki, final String sae, final int kmePort,
            final String serverSae, final int netconfPort) {
        final TlsIdentity identity;
        try {
            identity = TlsIdentity.load(pki.resolve(sae + ".crt"), pki.resolve(sae + ".key"), pki.resolve("ca.crt"));
        } catch (IOException e) {
            return "no certificate for " + sae + ": " + e.getMessage();
        }
        try (CloseableKeySource kme = QkdKeySources.etsi014(URI.create("https://127.0.0.1:" + kmePort),
                identity.sslContext(), sae, Duration.ofSeconds(3))) {
            final ConnectOptions options = ConnectOptions.builder("127.0.0.1", netconfPort, "admin")
                .password("sdqkd-demo".toCharArray()).hostKeys(HostKeyVerification.acceptAny())
                .qkd(new ClientQkd(SshQkdSettings.of(KexPolicy.REQUIRED), kme, serverSae)).build();
            final NetconfSession session = client.connect(options).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            final NetconfOperations ops = new NetconfOperations(session);
            try {
                final Element entry = sessionEntry(ops.get().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                    session.sessionId());
                ops.closeSession().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return "session " + session.sessionId() + ", " + text(entry, "method") + ", QKD key_ID "
                    + text(entry, "qkd-key-id");
            } finally {
                session.close();
            }
        } catch (ExecutionException e) {
            return "failed: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "failed: no answer in " + TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The {@code /netconf-state/sessions/session} entry of the session, or null. */
    private static Element sessionEntry(final List<XmlElement> data, final long sessionId) {
        for (XmlElement top : data) {
            final NodeList sessions = top.toElement().getElementsByTagNameNS(MONITORING, "session");
            for (int i = 0; i < sessions.getLength(); i++) {
                final Element entry = (Element) sessions.item(i);
                if (Long.toString(sessionId).equals(text(entry, "session-id"))) {
                    return entry;
                }
            }
        }
        return null;
    }

    /** The text of the first descendant element of that local name, or a note that there is none. */
    private static String text(final Element parent, final String localName) {
        if (parent != null) {
            final NodeList found = parent.getElementsByTagNameNS("*", localName);
            if (found.getLength() > 0) {
                return found.item(0).getTextContent().strip();
            }
        }
        return "(" + localName + " not reported)";
    }
}
