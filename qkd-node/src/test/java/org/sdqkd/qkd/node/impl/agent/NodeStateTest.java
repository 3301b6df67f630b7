package org.sdqkd.qkd.node.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.await;
import static org.sdqkd.qkd.node.impl.agent.NodeAgentTest.INTERFACE;
import static org.sdqkd.qkd.node.impl.agent.NodeAgentTest.LINK;
import static org.sdqkd.qkd.node.impl.agent.NodeAgentTest.LISTEN_FIXED;
import static org.sdqkd.qkd.node.impl.agent.NodeAgentTest.physLink;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.physical_link_perf.PhysPerf;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLink;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.QkdLinkKey;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_links.qkd_links.qkd_link.QkdlPerformance;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QBER;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.QkdLink1;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.qkd_node.qkd_links.qkd_link.KeyStore;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.qkd.node.api.LinkState;

/** The operational state the bridge writes for a link, read back from the datastore as binding objects. */
@Timeout(60)
class NodeStateTest {
    private static final NodeBindings BINDINGS = NodeBindings.create();

    @TempDir
    Path dir;

    @Test
    void theStateOfALinkIsWhatTheKeyPlaneReportsLeafByLeaf() throws Exception {
        try (AgentHarness node = AgentHarness.start(dir)) {
            node.edit(INTERFACE + physLink(LINK, LISTEN_FIXED));
            await(() -> node.plane.link(LINK).isPresent(), "the link at the plane");
            final FakeKeyPlane.Script script = node.plane.script(LINK);
            script.skr = 40_000L;
            script.storedKeys = 42;
            script.reservedKeys = 3;
            script.keysDelivered = 17;
            script.bitsGenerated = 10_752;
            script.refusals = 2;
            node.bridge.refreshNow();
            assertLinkState(node, node.plane.links().getFirst(), LinkStatus.ACTIVE);

            script.condition = LinkState.Condition.DOWN;
            script.reason = "fibre cut at the remote end";
            node.bridge.refreshNow();
            assertLinkState(node, node.plane.links().getFirst(), LinkStatus.OFF);
        }
    }

    private static void assertLinkState(final AgentHarness node, final LinkState reported, final LinkStatus status) {
        final QkdNode state = BINDINGS.qkdNode(node.agent.agent().datastores().snapshot(DatastoreName.OPERATIONAL)
            .root()).orElseThrow();
        final QkdLink entry = state.getQkdLinks().nonnullQkdLink()
            .get(new QkdLinkKey(EtsiNotifications.uuid(reported.id())));
        assertEquals(status.identity(), entry.getQkdlStatus());

        final QkdlPerformance performance = entry.getQkdlPerformance();
        assertEquals(reported.skr(), performance.getSkr().toJava());
        assertEquals(reported.skr(), performance.getEskr().toJava());
        assertEquals(0, performance.getExpectedConsumption().toJava(), "no application uses the link");
        final PhysPerf qber = performance.nonnullPhysPerf().values().iterator().next();
        assertEquals(QBER.VALUE, qber.getPerfType());
        assertEquals(Math.round(reported.qber() * 1000), qber.getValue().unscaledValue());

        final KeyStore store = entry.augmentation(QkdLink1.class).getKeyStore();
        assertEquals(LinkEntries.condition(reported.condition()), store.getCondition());
        assertEquals(reported.reason().orElse(null), store.getReason());
        assertEquals(reported.peerNodeName().orElseThrow(), store.getPeerNode());
        assertEquals(reported.listenPort().getAsInt(), store.getListenPort().getValue().intValue());
        assertEquals(reported.qber(), store.getQber().getValue().doubleValue());
        assertEquals(reported.nominalSkr(), store.getNominalSkr().getValue().longValue());
        assertEquals(reported.storedKeys(), store.getStoredKeys().longValue());
        assertEquals(reported.capacityKeys(), store.getCapacity().longValue());
        assertEquals(reported.reservedKeys(), store.getReservedKeys().longValue());
        assertEquals(reported.keysDelivered(), store.getKeysDelivered().longValue());
        assertEquals(reported.bitsGenerated(), store.getBitsGenerated().longValue());
        assertEquals(reported.refusals(), store.getRefusals().longValue());
        if (reported.condition() == LinkState.Condition.UP) {
            assertNull(store.getReason(), "no reason while up");
        }
    }
}
