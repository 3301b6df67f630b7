package org.sdqkd.controller.impl.topology;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.QkdLinksBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLinkBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlLocalBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlRemoteBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PHYS;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Host;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.NetworkBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Link;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.LinkBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.EndpointABuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.EndpointBBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.KmeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.NetconfBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.LinkFault;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.QkdLink1Builder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.EmulationBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.ChannelBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.RateBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.channel.End;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.channel.end.ConnectBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.channel.end.ListenBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.emulation.rate.source.FixedBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.BitRate;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.HttpsUrl;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.KmeId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.qkd.node.api.NodeSettings;
import org.sdqkd.qkd.node.testing.TestPki;

/**
 * Two real QKD nodes in this JVM (their NETCONF agents, KMEs and key planes on loopback, port 0) joined by one
 * emulated QKD link, and the controller's datastores configured with both nodes and the link. Every piece of model
 * data is built with the generated builders and written through the binding codec.
 */
final class TwoNodeNetwork implements AutoCloseable {
    static final NodeId ALPHA = new NodeId("7c1d4c3e-0a39-4f0e-9a4e-1b2c3d4e5f60");
    static final NodeId BETA = new NodeId("8d2e5d4f-1b4a-4a1f-8b5f-2c3d4e5f6071");
    static final LinkId LINK = new LinkId("9e3f6e50-2c5b-4b20-9c60-3d4e5f607182");
    static final long SKR = 80_000;

    private final Path directory;
    private final BindingDataCodec codec;
    private final TestPki pki;
    private final Datastores controller;
    private org.sdqkd.qkd.node.QkdNode alpha;
    private org.sdqkd.qkd.node.QkdNode beta;

    private TwoNodeNetwork(final Path directory, final BindingDataCodec codec) throws Exception {
        this.directory = directory;
        this.codec = codec;
        this.pki = TestPki.create(directory.resolve("pki"), "test CA");
        this.controller = Datastores.open(directory.resolve("controller"), YangModels.projectModels());
    }

    /** Starts both nodes, the link between them, and configures the controller's network. */
    static TwoNodeNetwork start(final Path directory, final BindingDataCodec codec) throws Exception {
        final TwoNodeNetwork network = new TwoNodeNetwork(directory, codec);
        try {
            network.alpha = network.startNode("alpha", ALPHA);
            network.configureNode(network.alpha, qkdNode(ALPHA, BETA, listen(), LinkFault.None));
            final int linkPort = network.listenPort();
            network.beta = network.startNode("beta", BETA);
            network.configureNode(network.beta, qkdNode(BETA, ALPHA, connect(linkPort), LinkFault.None));
            network.configureController();
            return network;
        } catch (Exception | AssertionError e) {
            network.close();
            throw e;
        }
    }

    /** The port alpha's end of the link listens on, once it is bound. */
    private int listenPort() throws InterruptedException {
        final UUID link = UUID.fromString(LINK.getValue());
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            final Integer port = alpha.linkPorts().get(link);
            if (port != null) {
                return port;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("alpha's end of the link did not listen");
    }

    Datastores controller() {
        return controller;
    }

    int alphaPort() {
        return alpha.netconfPort();
    }

    int betaPort() {
        return beta.netconfPort();
    }

    /** Injects a fault at alpha's end of the link, as an operator would: by changing its running configuration. */
    void injectFaultAtAlpha(final LinkFault fault) throws Exception {
        configureNode(alpha, qkdNode(ALPHA, BETA, listen(), fault));
    }

    /** Stops beta: its agent, its KME and its end of the link. */
    void stopBeta() {
        if (beta != null) {
            beta.close();
            beta = null;
        }
    }

    @Override
    public void close() {
        stopBeta();
        if (alpha != null) {
            alpha.close();
        }
        controller.close();
    }

    private org.sdqkd.qkd.node.QkdNode startNode(final String name, final NodeId id) throws IOException {
        final Path home = directory.resolve(name);
        final SshServerConfig ssh = SshServerConfig.of(home.resolve("ssh_host_key"), List.of(SshUser.withPassword(
            TestNodeSessions.USER, PasswordHash.hash(TestNodeSessions.PASSWORD.toCharArray(),
                PasswordHash.MIN_ITERATIONS)))).withPort(0);
        return org.sdqkd.qkd.node.QkdNode.start(new NodeSettings(name, UUID.fromString(id.getValue()), "kme-" + name,
            pki.node(name, UUID.fromString(id.getValue())), AgentSettings.of(ssh, home.resolve("datastore")),
            "127.0.0.1", 0, Optional.empty(), home));
    }

    private void configureNode(final org.sdqkd.qkd.node.QkdNode node, final QkdNode data) throws Exception {
        final var normalized = codec.nodeSerializer().toNormalizedDataObject(
            DataObjectIdentifier.builder(QkdNode.class).build(), data);
        commit(node.datastores(), normalized.path(), normalized.node());
    }

    private void configureController() throws Exception {
        final Node alphaNode = node(ALPHA, "alpha", alpha.netconfPort(), alpha.kmePort());
        final Node betaNode = node(BETA, "beta", beta.netconfPort(), beta.kmePort());
        final Link link = new LinkBuilder().setLinkId(LINK)
            .setEndpointA(new EndpointABuilder().setNode(ALPHA).setInterface(Uint32.ONE).build())
            .setEndpointB(new EndpointBBuilder().setNode(BETA).setInterface(Uint32.ONE).build())
            .build();
        final Network network = new NetworkBuilder()
            .setNode(Map.of(alphaNode.key(), alphaNode, betaNode.key(), betaNode))
            .setLink(Map.of(link.key(), link))
            .build();
        final var normalized = codec.nodeSerializer().toNormalizedDataObject(
            DataObjectIdentifier.builder(Network.class).build(), network);
        commit(controller, normalized.path(), normalized.node());
    }

    private static void commit(final Datastores datastores,
            final org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier path,
            final org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode data) throws DatastoreException {
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            tx.write(path, data);
            tx.commit();
        }
    }

    private static Node node(final NodeId id, final String name, final int netconfPort, final int kmePort) {
        return new NodeBuilder().setNodeId(id).setName(name)
            .setNetconf(new NetconfBuilder().setHost(new Host(new IpAddress(new Ipv4Address("127.0.0.1"))))
                .setPort(new PortNumber(Uint16.valueOf(netconfPort))).setUsername(TestNodeSessions.USER).build())
            .setKme(new KmeBuilder().setKmeId(new KmeId("kme-" + name))
                .setUrl(new HttpsUrl("https://127.0.0.1:" + kmePort)).build())
            .build();
    }

    private static QkdNode qkdNode(final NodeId self, final NodeId peer, final End end, final LinkFault fault) {
        final QkdLink link = new QkdLinkBuilder().setQkdlId(new Uuid(LINK.getValue())).setQkdlEnable(true)
            .setQkdlType(PHYS.VALUE)
            .setQkdlLocal(new QkdlLocalBuilder().setQkdnId(new Uuid(self.getValue())).setQkdiId(Uint32.ONE).build())
            .setQkdlRemote(new QkdlRemoteBuilder().setQkdnId(new Uuid(peer.getValue())).setQkdiId(Uint32.ONE).build())
            .addAugmentation(new QkdLink1Builder().setEmulation(new EmulationBuilder()
                .setChannel(new ChannelBuilder().setEnd(end).build())
                .setRate(new RateBuilder().setSource(new FixedBuilder()
                    .setSkr(new BitRate(Uint64.valueOf(SKR))).build()).build())
                .setFault(fault)
                .build()).build())
            .build();
        return new QkdNodeBuilder().setQkdnId(new Uuid(self.getValue()))
            .setQkdLinks(new QkdLinksBuilder().setQkdLink(Map.of(link.key(), link)).build())
            .build();
    }

    private static End listen() {
        return new ListenBuilder().setListen(new org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122
            .qkd_node.qkd_links.qkd_link.emulation.channel.end.listen.ListenBuilder()
            .setAddress(new IpAddress(new Ipv4Address("127.0.0.1"))).setPort(Uint16.ZERO).build()).build();
    }

    private static End connect(final int port) {
        return new ConnectBuilder().setConnect(new org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node
            .rev261122.qkd_node.qkd_links.qkd_link.emulation.channel.end.connect.ConnectBuilder()
            .setHost(new Host(new IpAddress(new Ipv4Address("127.0.0.1"))))
            .setPort(new PortNumber(Uint16.valueOf(port))).build()).build();
    }
}
