package org.sdqkd.benchmarks.node;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.NetconfAgent;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.benchmarks.BenchPki;
import org.sdqkd.qkd.node.NodeParts;
import org.sdqkd.qkd.node.api.AgentBridge;
import org.sdqkd.qkd.node.api.NodeAgentSettings;
import org.sdqkd.qkd.node.api.NodeIdentity;
import org.sdqkd.qkd.node.api.SkrTrace;

/**
 * One state refresh of the node's agent bridge ({@link AgentBridge#refreshNow()}): read the key plane, compute the
 * node's ETSI GS QKD 015 operational {@code qkd_node} and commit it into the operational datastore. The node has
 * {@code links} emulated PHYS links, each backing one application; the key plane is a double whose counters change
 * at every reading. Compare {@code links=1} and {@code links=50}: the difference over 49 is the cost per link.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NodeStateBenchmark {
    private static final UUID SELF = UUID.fromString("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    private static final UUID REMOTE = UUID.fromString("c127b8fa-208c-451e-9f8c-3fd1e5108200");
    private static final String USER = "bench";

    /** Emulated links (and applications) of the node. */
    @Param({"1", "50"})
    public int links;

    private Path directory;
    private NetconfAgent agent;
    private ReportingKeyPlane plane;
    private AgentBridge bridge;

    /** Starts a NETCONF agent with {@code links} links in running and the bridge over a reporting key plane. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("sdqkd-node-state-bench");
        final SshServerConfig ssh = new SshServerConfig("127.0.0.1", 0, directory.resolve("host-key"),
            List.of(SshUser.withPassword(USER, PasswordHash.hash(USER.toCharArray(), PasswordHash.MIN_ITERATIONS))),
            Duration.ofMinutes(5), 4, 10, Duration.ofSeconds(30));
        agent = NetconfAgent.start(AgentSettings.of(ssh, directory.resolve("datastores")));
        final ContainerNode root = YangModels.documentCodec(agent.models())
            .read(new StringReader(configuration(links)), DocumentFormat.XML);
        try (DataTransaction tx = agent.datastores().newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            for (DataContainerChild child : root.body()) {
                tx.write(YangInstanceIdentifier.of(child.name()), child);
            }
            tx.commit();
        }
        plane = new ReportingKeyPlane();
        final NodeIdentity self = new NodeIdentity(SELF, "bench", "kme-bench",
            BenchPki.create(directory.resolve("pki")).node("bench", SELF));
        bridge = NodeParts.startAgentBridge(agent, plane, self, NodeAgentSettings.of(directory, SkrTrace::read)
            .withIntervals(Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(60)));
        if (plane.applied().size() != links) {
            throw new IllegalStateException("the bridge applied " + plane.applied().size() + " links, not " + links);
        }
    }

    /** Stops the bridge and the agent and removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        bridge.close();
        agent.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** One refresh of the operational state. */
    @Benchmark
    public void refresh() throws InterruptedException {
        bridge.refreshNow();
    }

    /** The node's configuration: one interface, {@code count} emulated PHYS links, one application per link. */
    static String configuration(final int count) {
        final StringBuilder apps = new StringBuilder();
        final StringBuilder linkXml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            final UUID link = UUID.nameUUIDFromBytes(("link-" + i).getBytes(UTF_8));
            final UUID app = UUID.nameUUIDFromBytes(("app-" + i).getBytes(UTF_8));
            apps.append("<qkd_app><app_id>").append(app).append("</app_id>")
                .append("<app_type>etsi-qkdn-types:CLIENT</app_type>")
                .append("<server_app_id>urn:sdqkd:sae:sae-").append(i).append("</server_app_id>")
                .append("<client_app_id>sae-remote-").append(i).append("</client_app_id>")
                .append("<app_qos><max_bandwidth>1024</max_bandwidth></app_qos>")
                .append("<backing_qkdl_id>").append(link).append("</backing_qkdl_id>")
                .append("<remote_qkdn_id>").append(REMOTE).append("</remote_qkdn_id></qkd_app>");
            linkXml.append("<qkd_link><qkdl_id>").append(link).append("</qkdl_id>")
                .append("<qkdl_local><qkdn_id>").append(SELF).append("</qkdn_id><qkdi_id>1</qkdi_id></qkdl_local>")
                .append("<qkdl_remote><qkdn_id>").append(REMOTE).append("</qkdn_id><qkdi_id>1</qkdi_id>")
                .append("</qkdl_remote><qkdl_type>etsi-qkdn-types:PHYS</qkdl_type><sn:emulation><sn:channel>")
                .append("<sn:listen><sn:port>0</sn:port></sn:listen></sn:channel><sn:rate><sn:skr>50000</sn:skr>")
                .append("</sn:rate></sn:emulation></qkd_link>");
        }
        return "<qkd_node xmlns='urn:etsi:qkd:yang:etsi-qkd-node'"
            + " xmlns:etsi-qkdn-types='urn:etsi:qkd:yang:etsi-qkd-node-types'"
            + " xmlns:sn='urn:sdqkd:yang:sdqkd-qkd-node'><qkdn_id>" + SELF + "</qkdn_id>"
            + "<qkd_applications>" + apps + "</qkd_applications>"
            + "<qkd_interfaces><qkd_interface><qkdi_id>1</qkdi_id><qkdi_type>etsi-qkdn-types:DV-QKD</qkdi_type>"
            + "</qkd_interface></qkd_interfaces><qkd_links>" + linkXml + "</qkd_links></qkd_node>";
    }
}
