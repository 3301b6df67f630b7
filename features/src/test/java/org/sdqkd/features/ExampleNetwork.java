package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;

/** The shipped example network, run by a test: each node an {@code sdqkd node} process on ephemeral ports. */
final class ExampleNetwork implements AutoCloseable {
    /** The link Almagro-Norte. */
    static final String LINK_NORTE = "d67b82c3-a30d-4bf7-af6a-364fbf7ae968";
    /** The link Almagro-Concepcion. */
    static final String LINK_CONCEPCION = "d0134332-3eb3-4711-82cf-92b4872d2ff0";
    private static final Path EXAMPLE = Path.of("target/config/node");
    private static final ObjectMapper JSON = new ObjectMapper();

    final DemoNetwork network;
    final DemoCluster cluster;

    private ExampleNetwork(final DemoNetwork network, final DemoCluster cluster) {
        this.network = network;
        this.cluster = cluster;
    }

    /**
     * A copy, in {@code dir/example}, of the shipped example with every link at a fixed rate; with
     * {@code threeNodes} false, Almagro and Norte only.
     */
    static Path copy(final Path dir, final boolean threeNodes, final String skr) throws IOException {
        final Path copy = dir.resolve("example");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(EXAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                final String name = file.getFileName().toString();
                if (!threeNodes && name.startsWith("concepcion.")) {
                    continue;
                }
                Files.copy(file, copy.resolve(name));
            }
        }
        try (Stream<Path> files = Files.list(copy)) {
            for (Path json : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                final JsonNode root = JSON.readTree(json.toFile());
                final JsonNode node = root.path("etsi-qkd-sdn-node:qkd_node");
                final ArrayNode links = (ArrayNode) node.path("qkd_links").path("qkd_link");
                final ArrayNode apps = (ArrayNode) node.path("qkd_applications").path("qkd_app");
                for (int i = links.size() - 1; i >= 0; i--) {
                    if (!threeNodes && links.get(i).path("qkdl_id").asText().equals(LINK_CONCEPCION)) {
                        links.remove(i);
                        continue;
                    }
                    final ObjectNode rate = JSON.createObjectNode().put("skr", skr);
                    ((ObjectNode) links.get(i).path("sdqkd-qkd-node:emulation")).set("rate", rate);
                }
                for (int i = apps.size() - 1; i >= 0; i--) {
                    if (!threeNodes && apps.get(i).path("backing_qkdl_id").toString().contains(LINK_CONCEPCION)) {
                        apps.remove(i);
                    }
                }
                JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
            }
        }
        return copy;
    }

    /**
     * Prepares the network in {@code work} (new PKI) and starts its nodes.
     *
     * @param example the example's directory
     * @param work    the working directory
     * @return the running network
     * @throws Exception when a node does not start
     */
    static ExampleNetwork start(final Path example, final Path work) throws Exception {
        final DemoNetwork network = DemoNetwork.prepare(example, work);
        final StringWriter progress = new StringWriter();
        final DemoCluster cluster = DemoCluster.start(network, true, new PrintWriter(progress), new ArrayList<>());
        return new ExampleNetwork(network, cluster);
    }

    /** The network's PKI directory. */
    Path pki() {
        return network.directory().resolve("pki");
    }

    @Override
    public void close() {
        cluster.stop();
    }
}
