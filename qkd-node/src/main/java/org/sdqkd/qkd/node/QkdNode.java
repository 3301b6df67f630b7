package org.sdqkd.qkd.node;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.NetconfAgent;
import org.sdqkd.qkd.node.impl.agent.NodeAgent;
import org.sdqkd.qkd.node.impl.agent.NodeBindings;
import org.sdqkd.qkd.node.impl.keys.EmulatedKeyPlane;
import org.sdqkd.qkd.node.impl.kme.KmeServer;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.api.ServerQkd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sdqkd.qkd.node.api.KmeSettings;
import org.sdqkd.qkd.node.api.LinkState;
import org.sdqkd.qkd.node.api.NodeAgentSettings;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.api.SkrTrace;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.qkd.node.api.NodeSshQkd;

/**
 * A running SD-QKD node: its NETCONF agent (ETSI GS QKD 015 {@code qkd_node}), its key plane (emulated QKD links
 * and their key stores) and its ETSI GS QKD 014 KME. The KME starts first, since the agent's hybrid SSH key exchange
 * takes its QKD keys there; the key plane's links follow the agent's running configuration.
 */
public final class QkdNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QkdNode.class);

    private final String name;
    private final NetconfAgent agent;
    private final EmulatedKeyPlane plane;
    private final NodeAgent nodeAgent;
    private final KmeServer kme;
    private final CloseableKeySource keySource;

    private QkdNode(final String name, final NetconfAgent agent, final EmulatedKeyPlane plane,
            final NodeAgent nodeAgent, final KmeServer kme, final CloseableKeySource keySource) {
        this.keySource = keySource;
        this.name = name;
        this.agent = agent;
        this.plane = plane;
        this.nodeAgent = nodeAgent;
        this.kme = kme;
    }

    /**
     * Starts a node.
     *
     * @param settings how to run
     * @return the running node, to {@link #close()}
     * @throws IOException when a port cannot be bound, a file cannot be read, or the initial configuration is
     *                     invalid (the message says why)
     */
    public static QkdNode start(final NodeSettings settings) throws IOException {
        final NodeIdentity self = new NodeIdentity(settings.nodeId(), settings.name(), settings.kmeId(),
            settings.tls());
        final EmulatedKeyPlane plane = new EmulatedKeyPlane(self);
        KmeServer kme = null;
        CloseableKeySource keySource = null;
        NetconfAgent agent = null;
        NodeAgent nodeAgent = null;
        try {
            // the KME first: the NETCONF server's hybrid key exchange takes its keys there, and a KME without links
            // yet only answers that it has no key
            kme = KmeServer.start(KmeSettings.of(settings.kmeAddress(), settings.kmePort(), settings.tls()), plane);
            AgentSettings agentSettings = settings.netconf();
            if (settings.sshQkd().isPresent()) {
                final NodeSshQkd qkd = settings.sshQkd().orElseThrow();
                final URI url = qkd.kmeUrl().orElse(URI.create("https://" + hostForUrl(settings.kmeAddress()) + ":"
                    + kme.port()));
                keySource = QkdKeySources.etsi014(url, qkd.identity().sslContext(), qkd.localSaeId(), qkd.timeout());
                agentSettings = agentSettings.withSsh(agentSettings.ssh().withQkd(new ServerQkd(qkd.settings(),
                    keySource)));
                LOG.info("node {}: NETCONF hybrid QKD key exchange {} as SAE {} with the KME at {}", settings.name(),
                    qkd.settings().policy().yangName(), qkd.localSaeId(), url);
            }
            try {
                agent = NetconfAgent.start(agentSettings);
            } catch (StorageException e) {
                throw new IOException("cannot open the datastores: " + e.getMessage(), e);
            }
            final NodeBindings bindings = NodeBindings.create();
            seedRunning(agent, settings, bindings);
            nodeAgent = NodeAgent.start(agent, plane, self,
                NodeAgentSettings.of(settings.baseDirectory(), SkrTrace::read), bindings);
            LOG.info("node {} ({}) started: NETCONF port {}, KME port {}", settings.name(), settings.nodeId(),
                agent.port(), kme.port());
            return new QkdNode(settings.name(), agent, plane, nodeAgent, kme, keySource);
        } catch (IOException | RuntimeException e) {
            if (nodeAgent != null) {
                nodeAgent.close();
            }
            if (agent != null) {
                agent.close();
            }
            if (kme != null) {
                kme.close();
            }
            if (keySource != null) {
                keySource.close();
            }
            plane.close();
            throw e;
        }
    }

    private static String hostForUrl(final String address) {
        final String host = "0.0.0.0".equals(address) ? "127.0.0.1" : "::".equals(address) ? "::1" : address;
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }


    /** The port of the NETCONF agent. */
    public int netconfPort() {
        return agent.port();
    }

    /** The node's datastores (running, operational, ...), to serve them by other means than NETCONF too. */
    public Datastores datastores() {
        return agent.datastores();
    }

    /** The YANG models of the node's datastores. */
    public EffectiveModelContext models() {
        return agent.models();
    }

    /**
     * Adds a listener that receives every ETSI GS QKD 015 notification the node publishes to its NETCONF agent, as
     * data (the binding codec's body of it), on the node's agent thread; such as a RESTCONF gateway's
     * {@code NotificationSink}. The listener must not block.
     *
     * @param listener receives each notification's body
     * @return the registration; closing it removes the listener
     */
    public Registration onNotification(final Consumer<ContainerNode> listener) {
        return nodeAgent.onNotification(listener);
    }

    /** The port of the ETSI GS QKD 014 KME. */
    public int kmePort() {
        return kme.port();
    }

    /** The bound port of every link this node listens for, by {@code qkdl_id}. */
    public Map<UUID, Integer> linkPorts() {
        final Map<UUID, Integer> ports = new LinkedHashMap<>();
        for (LinkState link : plane.links()) {
            link.listenPort().ifPresent(port -> ports.put(link.id(), port));
        }
        return ports;
    }

    /** Stops the KME, the agent bridge, the links (erasing their keys) and the NETCONF agent, in that order. */
    @Override
    public void close() {
        kme.close();
        nodeAgent.close();
        plane.close();
        agent.close();
        if (keySource != null) {
            keySource.close();
        }
        LOG.info("node {} stopped", name);
    }

    /** Writes the initial configuration into running when running has no {@code qkd_node}. */
    private static void seedRunning(final NetconfAgent agent, final NodeSettings settings,
            final NodeBindings bindings) throws IOException {
        final Optional<org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode> present =
            bindings.qkdNode(agent.datastores().snapshot(DatastoreName.RUNNING).root());
        if (present.isPresent()) {
            if (settings.initialConfig().isPresent()) {
                LOG.info("running already holds qkd_node; the initial configuration {} is not applied again",
                    settings.initialConfig().orElseThrow());
            }
            checkNodeId(present.orElseThrow(), settings.nodeId(), "running");
            return;
        }
        if (settings.initialConfig().isEmpty()) {
            return;
        }
        final Path file = settings.initialConfig().orElseThrow();
        final ContainerNode document;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = YangModels.documentCodec(agent.models()).read(in, DocumentFormat.ofFileName(file));
        } catch (DocumentException e) {
            throw new IOException(file + ": " + e.error().path() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        final Optional<org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode> node =
            bindings.qkdNode(document);
        if (node.isEmpty()) {
            throw new IOException(file + ": no qkd_node in it");
        }
        checkNodeId(node.orElseThrow(), settings.nodeId(), file.toString());
        try (DataTransaction tx = agent.datastores().newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            for (DataContainerChild child : document.body()) {
                tx.write(YangInstanceIdentifier.of(child.name()), child);
            }
            tx.commit();
        } catch (DatastoreException e) {
            throw new IOException(file + ": refused: " + e.getMessage(), e);
        }
        LOG.info("running configured from {}", file);
    }

    private static void checkNodeId(
            final org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode qkdNode,
            final UUID nodeId, final String where) throws IOException {
        if (qkdNode.getQkdnId() != null && !nodeId.toString().equalsIgnoreCase(qkdNode.getQkdnId().getValue())) {
            throw new IOException(where + ": the configured node ID is " + qkdNode.getQkdnId().getValue()
                + ", but this node is " + nodeId);
        }
    }
}
