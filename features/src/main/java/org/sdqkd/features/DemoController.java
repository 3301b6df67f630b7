package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.controller.Controller;
import org.sdqkd.controller.api.ControllerConfigException;
import org.sdqkd.datastore.api.PasswordHash;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.sdqkd.features.DemoNetwork.DemoNode;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.qkd.node.api.NodeSshQkd;

/**
 * The demo's controller, in the demo's JVM beside Almagro: its configuration is written from what the demo's PKI and
 * node start know (each node's NETCONF port and host key, pinned by its fingerprint; the hybrid QKD key exchange with
 * keys from the KME that serves the controller's SAE), RESTCONF on HTTPS with the demo's user.
 */
final class DemoController {
    /** The demo's RESTCONF user and its password (the nodes' NETCONF user and password too). */
    static final String USER = "admin";
    static final String PASSWORD = "sdqkd-demo";
    private static final String CERTIFICATE = "sdqkd-controller";
    private static final int RESTCONF_PORT = 8443;
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoController() {
    }

    /**
     * Writes {@code controller/controller.yaml} in the network's directory (and the controller's HTTPS certificate
     * in its PKI) for the running cluster, and starts the controller.
     *
     * @param network        the network
     * @param cluster        its running nodes
     * @param ephemeralPorts whether RESTCONF takes a free port instead of 8443
     * @return the started controller
     * @throws IOException     when a file cannot be written or the controller does not start
     * @throws ConfigException when a node's configuration or host key cannot be read
     */
    static Controller start(final DemoNetwork network, final DemoCluster cluster, final boolean ephemeralPorts)
            throws IOException, ConfigException {
        final Path yaml = writeConfig(network, cluster);
        try {
            return Controller.load(yaml).restconfPort(ephemeralPorts ? 0 : RESTCONF_PORT).start();
        } catch (ControllerConfigException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /**
     * Waits until the controller has a session to every node, and describes each: its key exchange method and the
     * QKD key_ID of the hybrid exchange.
     *
     * @param controller the started controller
     * @param network    the network
     * @param timeout    how long to wait for all
     * @return one line per node
     * @throws IOException when a node is not connected in time (the message names it)
     */
    static List<String> awaitSessions(final Controller controller, final DemoNetwork network, final Duration timeout)
            throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final List<String> lines = new ArrayList<>();
        for (DemoNode node : network.nodes()) {
            final NodeId id = new NodeId(node.id().toString());
            Optional<NetconfSession> session = controller.nodeSessions().session(id);
            while (session.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the controller did not connect to " + node.name() + " within "
                        + timeout.toSeconds() + " s; see logs/demo.log");
                }
                Thread.sleep(100);
                session = controller.nodeSessions().session(id);
            }
            final NetconfSession open = session.get();
            lines.add(String.format("  %-11s session %d, %s%s", node.name(), open.sessionId(),
                open.keyExchangeMethod().orElse("(method not known)"),
                open.qkdExchange().map(q -> ", QKD key_ID " + q.keyId()).orElse(" (standard key exchange)")));
        }
        return lines;
    }

    /** Writes the controller's configuration and returns its file. */
    static Path writeConfig(final DemoNetwork network, final DemoCluster cluster) throws IOException, ConfigException {
        final Path pki = network.directory().resolve("pki");
        final Path dir = network.directory().resolve("controller");
        Files.createDirectories(dir);
        CertificateAuthority.load(pki).issueNode(pki, CERTIFICATE, UUID.randomUUID(),
            Set.of("127.0.0.1", "localhost"), VALIDITY);
        Files.writeString(dir.resolve("node-password"), PASSWORD + "\n", StandardCharsets.UTF_8);

        final Map<DemoNode, NodeSettings> settings = new LinkedHashMap<>();
        String controllerSae = null;
        for (DemoNode node : network.nodes()) {
            final NodeSettings nodeSettings = NodeConfig.load(node.config()).settings();
            settings.put(node, nodeSettings);
            final Optional<NodeSshQkd> qkd = nodeSettings.sshQkd();
            if (qkd.isPresent() && controllerSae == null && !qkd.get().settings().peers().isEmpty()) {
                controllerSae = qkd.get().settings().peers().iterator().next();
            }
        }
        if (controllerSae == null) {
            throw new ConfigException(network.directory() + ": no node accepts a hybrid key exchange (ssh-qkd peer)");
        }
        final String sae = controllerSae;
        final DemoNode kmeNode = network.nodes().stream().filter(n -> n.saes().contains(sae)).findFirst()
            .orElseThrow(() -> new ConfigException("no node's KME serves the controller's SAE " + sae));

        final ObjectNode root = JSON.createObjectNode();
        root.put("datastore", "datastore");
        final ObjectNode restconf = root.putObject("restconf");
        restconf.putObject("listen").put("address", "127.0.0.1").put("port", RESTCONF_PORT);
        restconf.putObject("tls").put("certificate", pki.resolve(CERTIFICATE + ".crt").toString())
            .put("key", pki.resolve(CERTIFICATE + ".key").toString()).put("ca", pki.resolve("ca.crt").toString());
        restconf.putArray("users").addObject().put("name", USER)
            .put("password-hash", PasswordHash.hash(PASSWORD.toCharArray()).encoded());
        root.putObject("kme").put("url", "https://127.0.0.1:" + cluster.kmePort(kmeNode.name())).put("sae-id", sae)
            .put("certificate", pki.resolve(sae + ".crt").toString()).put("key", pki.resolve(sae + ".key").toString())
            .put("ca", pki.resolve("ca.crt").toString());
        final ObjectNode ssh = root.putObject("ssh").put("password-file", "node-password");
        ssh.putObject("reconnect").put("initial", 200).put("max", 2000);

        final ObjectNode networkNode = root.putObject("network");
        final ArrayNode nodes = networkNode.putArray("node");
        for (Map.Entry<DemoNode, NodeSettings> entry : settings.entrySet()) {
            nodes.add(node(entry.getKey(), entry.getValue(), cluster));
        }
        final ArrayNode links = networkNode.putArray("link");
        for (DemoNode node : network.nodes()) {
            if (node.listens()) {
                addLinks(node, links);
            }
        }
        final Path yaml = dir.resolve("controller.yaml");
        new YAMLMapper().writeValue(yaml.toFile(), root);
        return yaml;
    }

    private static ObjectNode node(final DemoNode node, final NodeSettings settings, final DemoCluster cluster)
            throws ConfigException {
        final Path hostKeyFile = settings.netconf().ssh().hostKeyFile();
        final String fingerprint = HostKeyFingerprint.of(hostKeyFile).orElseThrow(
            () -> new ConfigException(node.name() + ": cannot read its host key " + hostKeyFile));
        final ObjectNode entry = JSON.createObjectNode().put("node-id", node.id().toString()).put("name", node.name());
        final ObjectNode netconf = entry.putObject("netconf").put("host", "127.0.0.1")
            .put("port", cluster.netconfPort(node.name())).put("username", USER).put("host-key", fingerprint);
        settings.sshQkd().ifPresentOrElse(qkd -> netconf.put("sae-id", qkd.localSaeId()).put("key-exchange",
            "required"), () -> netconf.put("key-exchange", "off"));
        entry.putObject("kme").put("kme-id", settings.kmeId())
            .put("url", "https://127.0.0.1:" + cluster.kmePort(node.name()));
        return entry;
    }

    /** The ids of the network's QKD links (those of the nodes that listen for all their links). */
    static List<String> linkIds(final DemoNetwork network) throws IOException {
        final List<String> ids = new ArrayList<>();
        for (DemoNode node : network.nodes()) {
            if (node.listens()) {
                links(node).forEach(link -> ids.add(link.path("qkdl_id").asText()));
            }
        }
        return ids;
    }

    /** The id of a node's first QKD link. */
    static String firstLinkId(final DemoNode node) throws IOException {
        for (JsonNode link : links(node)) {
            return link.path("qkdl_id").asText();
        }
        throw new IOException(node.document() + ": no QKD link");
    }

    private static JsonNode links(final DemoNode node) throws IOException {
        return JSON.readTree(node.document().toFile()).path("etsi-qkd-sdn-node:qkd_node").path("qkd_links")
            .path("qkd_link");
    }

    /** The PHYS links of a listening node's document: ids and both ends (node and interface). */
    private static void addLinks(final DemoNode node, final ArrayNode links) throws IOException {
        for (JsonNode link : links(node)) {
            final ObjectNode entry = links.addObject().put("link-id", link.path("qkdl_id").asText());
            entry.putObject("endpoint-a").put("node", link.path("qkdl_local").path("qkdn_id").asText())
                .put("interface", link.path("qkdl_local").path("qkdi_id").asLong());
            entry.putObject("endpoint-b").put("node", link.path("qkdl_remote").path("qkdn_id").asText())
                .put("interface", link.path("qkdl_remote").path("qkdi_id").asLong());
        }
    }
}
