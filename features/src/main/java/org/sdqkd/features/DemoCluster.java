package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sdqkd.features.DemoNetwork.DemoNode;

/**
 * The node processes of a {@link DemoNetwork}: the nodes that listen for their QKD links start first; with ephemeral
 * ports, the others are then pointed at the ports the listeners bound.
 */
final class DemoCluster {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final List<NodeProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> ready = new LinkedHashMap<>();

    /**
     * Starts every node of the network and waits until each one runs.
     *
     * @param network        the network
     * @param ephemeralPorts whether every port is bound to a free one
     * @param progress       where to say which node started
     * @param started        told of each process as soon as it exists (so that it can be stopped on a signal)
     * @return the running cluster
     * @throws IOException when a node does not start; the nodes already started are stopped
     */
    static DemoCluster start(final DemoNetwork network, final boolean ephemeralPorts, final PrintWriter progress,
            final List<NodeProcess> started) throws IOException, InterruptedException {
        final DemoCluster cluster = new DemoCluster();
        try {
            cluster.startAll(network, ephemeralPorts, progress, started);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }

    private void startAll(final DemoNetwork network, final boolean ephemeralPorts, final PrintWriter progress,
            final List<NodeProcess> started) throws IOException, InterruptedException {
        final Map<UUID, Integer> linkPorts = new HashMap<>();
        for (boolean listeners : new boolean[] {true, false}) {
            final List<NodeProcess> group = new ArrayList<>();
            for (DemoNode node : network.nodes()) {
                if (node.listens() != listeners) {
                    continue;
                }
                final List<String> args = new ArrayList<>();
                if (ephemeralPorts) {
                    args.addAll(List.of("--netconf-port", "0", "--kme-port", "0"));
                    if (node.listens()) {
                        network.listenOnFreePorts(node);
                    } else {
                        network.connectTo(node, linkPorts);
                    }
                }
                final NodeProcess process = NodeProcess.start(node.name(), node.config(),
                    network.directory().resolve("logs"), args);
                processes.add(process);
                started.add(process);
                group.add(process);
            }
            for (NodeProcess process : group) {
                final JsonNode info = process.awaitReady(STARTUP);
                ready.put(process.name(), info);
                info.path("link-ports").properties().forEach(e -> linkPorts.put(UUID.fromString(e.getKey()),
                    e.getValue().intValue()));
                progress.printf("  %-11s started (pid %d): NETCONF port %d, KME port %d, log %s%n", process.name(),
                    process.pid(), info.path("netconf-port").intValue(), info.path("kme-port").intValue(),
                    process.log());
                progress.flush();
            }
        }
    }

    /** What each node wrote in its ready file (ports), by node name. */
    Map<String, JsonNode> ready() {
        return ready;
    }

    /** The KME port of a node. */
    int kmePort(final String node) {
        return ready.get(node).path("kme-port").intValue();
    }

    /** The NETCONF port of a node. */
    int netconfPort(final String node) {
        return ready.get(node).path("netconf-port").intValue();
    }

    /** The log file of a node. */
    Path log(final String node) {
        return processes.stream().filter(p -> p.name().equals(node)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no node " + node)).log();
    }

    /** A node that stopped by itself, if any. */
    Optional<NodeProcess> stoppedNode() {
        return processes.stream().filter(p -> !p.isAlive()).findFirst();
    }

    /** Stops every node, all at once, each with SIGTERM and then SIGKILL after a grace period. */
    void stop() {
        stopAll(processes);
    }

    /** Stops the given node processes, all at once. */
    static void stopAll(final List<NodeProcess> processes) {
        final List<Thread> stoppers = new ArrayList<>();
        for (NodeProcess process : processes) {
            stoppers.add(Thread.ofPlatform().start(() -> {
                try {
                    process.stop(GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
