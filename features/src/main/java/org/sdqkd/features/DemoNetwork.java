package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.sdqkd.qkd.node.api.CertificateAuthority;

/**
 * The demo's working copy of the example network: the node configurations of {@code features/.../config/node}
 * copied into a fresh directory, with a new PKI (CA, one certificate per node and per SAE) and, for runs on
 * ephemeral ports, the QKD link ports rewritten.
 */
final class DemoNetwork {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMULATION = "sdqkd-qkd-node:emulation";
    private static final Duration VALIDITY = Duration.ofDays(30);

    private final Path directory;
    private final List<DemoNode> nodes;

    private DemoNetwork(final Path directory, final List<DemoNode> nodes) {
        this.directory = directory;
        this.nodes = nodes;
    }

    /**
     * One node of the network.
     *
     * @param name       its name
     * @param id         its {@code qkdn_id}
     * @param config     its YAML file in the working copy
     * @param document   its initial {@code qkd_node} document in the working copy
     * @param saes       the SAEs attached to it (its applications' {@code server_app_id}s)
     * @param peers      the remote SAEs per local SAE, in the order of its applications
     * @param listens    whether it listens for all of its links (it starts first)
     */
    record DemoNode(String name, UUID id, Path config, Path document, List<String> saes,
            Map<String, List<String>> peers, boolean listens) {
    }

    /**
     * Makes a fresh working copy: deletes {@code directory}, copies {@code example} into it and creates the PKI.
     *
     * @param example   the example configuration directory
     * @param directory the working directory
     * @return the network
     * @throws IOException when a file cannot be read or written
     * @throws ConfigException when an example file is not as expected
     */
    static DemoNetwork prepare(final Path example, final Path directory) throws IOException, ConfigException {
        deleteTree(directory);
        copyTree(example, directory);
        final List<DemoNode> nodes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path yaml : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                nodes.add(node(yaml));
            }
        }
        if (nodes.isEmpty()) {
            throw new ConfigException(example + ": no node configuration (*.yaml) in it");
        }
        nodes.sort(Comparator.comparing(n -> !n.listens()));
        final Path pki = directory.resolve("pki");
        final CertificateAuthority ca = CertificateAuthority.create(pki, "sdqkd demo CA", VALIDITY);
        final Set<String> saes = new LinkedHashSet<>();
        for (DemoNode node : nodes) {
            ca.issueNode(pki, node.name(), node.id(), Set.of("127.0.0.1", "localhost"), VALIDITY);
            saes.addAll(node.saes());
            node.peers().values().forEach(saes::addAll);
        }
        for (String sae : saes) {
            ca.issueSae(pki, sae, VALIDITY);
        }
        return new DemoNetwork(directory, List.copyOf(nodes));
    }

    /** The working directory. */
    Path directory() {
        return directory;
    }

    /** The nodes, those that listen for all their links first. */
    List<DemoNode> nodes() {
        return nodes;
    }

    /** Sets the port of every link this node listens for to 0 (any free port). */
    void listenOnFreePorts(final DemoNode node) throws IOException {
        rewritePorts(node, "listen", Map.of(), true);
    }

    /** Points every link this node connects for to the port its listening end reported. */
    void connectTo(final DemoNode node, final Map<UUID, Integer> listeningPorts) throws IOException {
        rewritePorts(node, "connect", listeningPorts, false);
    }

    private static void rewritePorts(final DemoNode node, final String end, final Map<UUID, Integer> ports,
            final boolean zero) throws IOException {
        final JsonNode root = JSON.readTree(node.document().toFile());
        for (JsonNode link : root.path("etsi-qkd-sdn-node:qkd_node").path("qkd_links").path("qkd_link")) {
            final JsonNode channel = link.path(EMULATION).path("channel").path(end);
            if (channel instanceof ObjectNode object) {
                final UUID id = UUID.fromString(link.path("qkdl_id").asText());
                if (zero) {
                    object.put("port", 0);
                } else if (ports.containsKey(id)) {
                    object.put("port", ports.get(id));
                }
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(node.document().toFile(), root);
    }

    private static DemoNode node(final Path yaml) throws IOException, ConfigException {
        final JsonNode config = YamlSection.read(yaml);
        final String name = config.path("node").path("name").asText();
        final String id = config.path("node").path("id").asText();
        final String document = config.path("initial-config").asText();
        if (name.isEmpty() || id.isEmpty() || document.isEmpty()) {
            throw new ConfigException(yaml + ": the demo needs node.name, node.id and initial-config");
        }
        final Path documentFile = yaml.resolveSibling(document);
        final JsonNode qkdNode = JSON.readTree(documentFile.toFile()).path("etsi-qkd-sdn-node:qkd_node");
        final List<String> saes = new ArrayList<>();
        final Map<String, List<String>> peers = new LinkedHashMap<>();
        for (JsonNode app : qkdNode.path("qkd_applications").path("qkd_app")) {
            final String local = saeId(app.path("server_app_id").asText());
            if (!saes.contains(local)) {
                saes.add(local);
            }
            for (JsonNode client : app.path("client_app_id")) {
                peers.computeIfAbsent(local, k -> new ArrayList<>()).add(saeId(client.asText()));
            }
        }
        boolean listens = true;
        for (JsonNode link : qkdNode.path("qkd_links").path("qkd_link")) {
            if (!link.path(EMULATION).path("channel").path("connect").isMissingNode()) {
                listens = false;
            }
        }
        return new DemoNode(name, UUID.fromString(id), yaml, documentFile, List.copyOf(saes), Map.copyOf(peers),
            listens);
    }

    /** The SAE ID an application names: {@code urn:sdqkd:sae:ID} stands for {@code ID}. */
    static String saeId(final String appId) {
        return appId.startsWith("urn:sdqkd:sae:") ? appId.substring("urn:sdqkd:sae:".length()) : appId;
    }

    private static void copyTree(final Path from, final Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                final Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(final Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
