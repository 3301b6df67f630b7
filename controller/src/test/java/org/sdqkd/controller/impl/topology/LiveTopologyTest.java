package org.sdqkd.controller.impl.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ACTIVE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.FAILURE;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OFF;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.OPERATING;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.PENDING;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QKDNSTATUSTYPES;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.LinkStateChanged;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Link;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.LinkKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.link.State;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.qkd.node.rev261122.LinkFault;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.datastore.api.DatastoreName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live topology against two real QKD nodes in this JVM, joined by an emulated QKD link, through NETCONF sessions
 * of the project's client: the link's live state and the nodes' status reach the controller's operational datastore,
 * a fault injected at a node shows there and as a {@code link-state-changed} notification, and a node that goes away
 * shows as such while the other keeps its data. Conditions are awaited, never timed; the time they took is logged.
 */
@Timeout(180)
class LiveTopologyTest {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTopologyTest.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final NodeId SILENT = new NodeId("0a0b0c0d-0000-4000-8000-000000000999");

    @TempDir
    Path directory;

    private TwoNodeNetwork network;
    private TestNodeSessions sessions;
    private RecordingSink sink;
    private LiveTopology topology;

    @BeforeEach
    void start() throws Exception {
        network = TwoNodeNetwork.start(directory, Codec.INSTANCE);
        sessions = new TestNodeSessions();
        sink = new RecordingSink(Codec.INSTANCE);
        topology = LiveTopology.start(sessions, network.controller(), sink, Codec.INSTANCE, TopologySettings.DEFAULT);
        sessions.connect(TwoNodeNetwork.ALPHA, network.alphaPort());
        sessions.connect(TwoNodeNetwork.BETA, network.betaPort());
    }

    @AfterEach
    void stop() {
        if (topology != null) {
            topology.close();
        }
        if (sessions != null) {
            sessions.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void showsTheLinkWithItsLiveKeyRateAndBothNodesOperating() throws Exception {
        final State state = await("the link ACTIVE with its SKR", () -> linkState().filter(
            s -> is(s.getStatus(), ACTIVE.VALUE) && s.getSkr() != null && s.getSkr().getValue().longValue() > 0));
        assertEquals(TwoNodeNetwork.SKR, state.getSkr().getValue().longValue());
        assertNotNull(state.getQber(), "QBER");
        assertEquals(0, new BigDecimal("0.02").compareTo(state.getQber().getValue().decimalValue()),
            "the links' baseline QBER: " + state.getQber());
        assertNotNull(state.getLastChange(), "last-change");
        // the stored keys grow while the link runs: the smaller of the two ends' counts
        final long first = await("stored keys", () -> linkState().map(State::getStoredKeys)).longValue();
        await("more stored keys", () -> linkState().map(State::getStoredKeys).filter(k -> k.longValue() > first));
        assertEquals(OPERATING.VALUE, await("alpha's status", () -> nodeStatus(TwoNodeNetwork.ALPHA)));
        assertEquals(OPERATING.VALUE, await("beta's status", () -> nodeStatus(TwoNodeNetwork.BETA)));
        final LinkStateChanged published = awaitPublished(n -> is(n.getStatus(), ACTIVE.VALUE));
        assertEquals(TwoNodeNetwork.LINK, published.getLinkId());
        assertEquals(TwoNodeNetwork.SKR, published.getSkr().getValue().longValue());
    }

    @Test
    void aFaultInjectedAtANodeShowsInTheDatastoreAndAsANotificationWhileAnotherNodeNeverAnswers() throws Exception {
        final SilentSession silent = new SilentSession();
        sessions.attach(SILENT, silent);
        await("the link ACTIVE", () -> linkState().filter(s -> is(s.getStatus(), ACTIVE.VALUE)));
        awaitPublished(n -> is(n.getStatus(), ACTIVE.VALUE));
        final long injected = System.nanoTime();
        network.injectFaultAtAlpha(LinkFault.LinkDown);
        await("the link OFF", () -> linkState().filter(s -> is(s.getStatus(), OFF.VALUE)));
        final long shown = System.nanoTime();
        final LinkStateChanged published = awaitPublished(n -> is(n.getStatus(), OFF.VALUE));
        final long notified = System.nanoTime();
        LOG.info("link-down injected at alpha: OFF in the operational datastore after {} ms, notified after {} ms",
            TimeUnit.NANOSECONDS.toMillis(shown - injected), TimeUnit.NANOSECONDS.toMillis(notified - injected));
        assertEquals(TwoNodeNetwork.LINK, published.getLinkId());
        assertEquals(0, published.getSkr().getValue().longValue(), "no key is made on a link that is down");
        network.injectFaultAtAlpha(LinkFault.None);
        await("the link ACTIVE again", () -> linkState().filter(s -> is(s.getStatus(), ACTIVE.VALUE)));
        awaitPublished(n -> is(n.getStatus(), ACTIVE.VALUE));
        assertTrue(silent.rpcs() >= 1, "the silent node was asked");
        assertTrue(silent.rpcs() <= 2, "one read at a time (and its subscription): " + silent.rpcs());
    }

    @Test
    void followsTheNodesNotificationsWithoutWaitingForTheRefresh() throws Exception {
        // the link comes up first (the nodes notify its faults, not its start), then the topology is restarted
        await("the link ACTIVE", () -> linkState().filter(s -> is(s.getStatus(), ACTIVE.VALUE)));
        topology.close();
        sink = new RecordingSink(Codec.INSTANCE);
        // read when each node connects, then only when a node notifies
        topology = LiveTopology.start(sessions, network.controller(), sink, Codec.INSTANCE,
            TopologySettings.DEFAULT.withRefreshInterval(Duration.ofHours(1)));
        await("the link ACTIVE", () -> linkState().filter(s -> is(s.getStatus(), ACTIVE.VALUE)));
        network.injectFaultAtAlpha(LinkFault.LinkDown);
        await("the link OFF", () -> linkState().filter(s -> is(s.getStatus(), OFF.VALUE)));
        awaitPublished(n -> is(n.getStatus(), OFF.VALUE));
    }

    @Test
    void aNodeThatGoesAwayShowsAsSuchAndTheOtherKeepsItsData() throws Exception {
        await("the link ACTIVE", () -> linkState().filter(s -> is(s.getStatus(), ACTIVE.VALUE)));
        await("beta's status", () -> nodeStatus(TwoNodeNetwork.BETA).filter(s -> is(s, OPERATING.VALUE)));
        network.stopBeta();
        assertEquals(FAILURE.VALUE, await("beta shown FAILURE",
            () -> nodeStatus(TwoNodeNetwork.BETA).filter(s -> is(s, FAILURE.VALUE))));
        // alpha's view alone: its end lost the channel and waits for the other end
        await("the link PENDING, as alpha sees it", () -> linkState().filter(s -> is(s.getStatus(), PENDING.VALUE)));
        awaitPublished(n -> is(n.getStatus(), PENDING.VALUE));
        assertEquals(OPERATING.VALUE, nodeStatus(TwoNodeNetwork.ALPHA).orElseThrow(), "alpha is unaffected");
        // alpha is still read: its stored keys keep being reported
        assertTrue(linkState().orElseThrow().getStoredKeys() != null, "alpha's stored keys");
    }

    @Test
    void aLinkKnownToNoConnectedEndIsShownUnknownAndComesBack() throws Exception {
        await("the link ACTIVE", () -> linkState().filter(s -> is(s.getStatus(), ACTIVE.VALUE)));
        sessions.disconnect(TwoNodeNetwork.ALPHA);
        sessions.disconnect(TwoNodeNetwork.BETA);
        final State unknown = await("the link unknown", () -> linkState().filter(s -> s.getStatus() == null));
        assertEquals(null, unknown.getSkr());
        assertNotNull(unknown.getLastChange());
        await("alpha FAILURE", () -> nodeStatus(TwoNodeNetwork.ALPHA).filter(s -> is(s, FAILURE.VALUE)));
        sessions.connect(TwoNodeNetwork.ALPHA, network.alphaPort());
        await("the link ACTIVE as alpha sees it", () -> linkState().filter(s -> is(s.getStatus(), ACTIVE.VALUE)));
        await("alpha OPERATING", () -> nodeStatus(TwoNodeNetwork.ALPHA).filter(s -> is(s, OPERATING.VALUE)));
        assertEquals(FAILURE.VALUE, nodeStatus(TwoNodeNetwork.BETA).orElseThrow(), "beta still disconnected");
    }

    private Optional<State> linkState() {
        return operational(DataObjectIdentifier.builder(Network.class)
            .child(Link.class, new LinkKey(TwoNodeNetwork.LINK)).build()).map(Link::getState);
    }

    private Optional<QKDNSTATUSTYPES> nodeStatus(final NodeId node) {
        return operational(DataObjectIdentifier.builder(Network.class).child(Node.class, new NodeKey(node)).build())
            .map(Node::getState).map(s -> s.getQkdnStatus());
    }

    private <T extends DataObject> Optional<T> operational(final DataObjectIdentifier<T> id) {
        final BindingNormalizedNodeSerializer serializer = Codec.INSTANCE.nodeSerializer();
        final YangInstanceIdentifier path = serializer.toYangInstanceIdentifier(id);
        return network.controller().snapshot(DatastoreName.OPERATIONAL).read(path).map(data -> {
            @SuppressWarnings("unchecked")
            final T decoded = (T) serializer.fromNormalizedNode(path, data).getValue();
            return decoded;
        });
    }

    private static boolean is(final Object identity, final Object expected) {
        return identity instanceof org.opendaylight.yangtools.binding.BaseIdentity id
            && expected instanceof org.opendaylight.yangtools.binding.BaseIdentity other
            && id.implementedInterface().equals(other.implementedInterface());
    }

    private LinkStateChanged awaitPublished(final Predicate<LinkStateChanged> condition) throws InterruptedException {
        final List<LinkStateChanged> seen = new ArrayList<>();
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            final LinkStateChanged next = sink.published().poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                seen.add(next);
                if (condition.test(next)) {
                    return next;
                }
            }
        }
        throw new AssertionError("no such link-state-changed; published: " + seen);
    }

    private static <T> T await(final String what, final Supplier<Optional<T>> condition)
            throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            final Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.orElseThrow();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not seen within " + WAIT + ": " + what);
    }
}
