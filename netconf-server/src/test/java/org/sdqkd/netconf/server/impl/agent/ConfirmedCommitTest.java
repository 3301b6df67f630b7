package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.server.testing.Replies.GET_RUNNING;
import static org.sdqkd.netconf.server.testing.Replies.assertOk;
import static org.sdqkd.netconf.server.testing.Replies.child;
import static org.sdqkd.netconf.server.testing.Replies.data;
import static org.sdqkd.netconf.server.testing.Replies.editConfig;
import static org.sdqkd.netconf.server.testing.Replies.error;
import static org.sdqkd.netconf.server.testing.Replies.sshQkd;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.netconf.server.testing.RawNetconf;
import org.sdqkd.netconf.server.testing.Replies;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.w3c.dom.Element;

/**
 * Confirmed commits (RFC 6241 section 8.4, :confirmed-commit:1.1) through the agent: rolled back on timeout, on the
 * end of the session that started them and on restart unless persistent; kept by a confirming commit, by anyone
 * with the persist-id, across a restart; cancelled by cancel-commit; each step reported by RFC 6470
 * netconf-confirmed-commit notifications.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfirmedCommitTest {
    private static final String NOTIFICATIONS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
    private static TestAgent agent;

    private RawNetconf session;
    private RawNetconf subscriber;
    private String runningBefore;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = TestAgent.start();
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @BeforeEach
    void connect() throws IOException {
        session = RawNetconf.connect(agent.port(), TestAgent.USER, true);
        subscriber = RawNetconf.connect(agent.port(), TestAgent.OTHER_USER, true);
        assertOk(subscriber.rpc("<create-subscription xmlns='urn:ietf:params:xml:ns:netconf:notification:1.0'>"
            + "<filter type='subtree'><netconf-confirmed-commit xmlns='" + NOTIFICATIONS + "'/></filter>"
            + "</create-subscription>"));
        runningBefore = data(session.rpc(GET_RUNNING));
        assertOk(session.rpc("<discard-changes/>"));
        assertOk(session.rpc(editConfig("candidate", sshQkd("confirm-me"))));
    }

    @AfterEach
    void close() {
        session.close();
        subscriber.close();
    }

    private static boolean changed(final RawNetconf nc) throws IOException {
        return data(nc.rpc(GET_RUNNING)).contains("confirm-me");
    }

    /** Waits until running no longer holds the change. */
    private void awaitRolledBack(final RawNetconf nc) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (changed(nc) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(runningBefore, data(nc.rpc(GET_RUNNING)));
    }

    /** The next netconf-confirmed-commit notification the subscriber gets. */
    private Element nextConfirmedCommit() throws IOException {
        final Element notification = Replies.parse(subscriber.notification());
        assertEquals("notification", notification.getLocalName());
        final Element event = child(notification, "netconf-confirmed-commit").orElseThrow(
            () -> new AssertionError("not a netconf-confirmed-commit"));
        assertEquals(NOTIFICATIONS, event.getNamespaceURI());
        return event;
    }

    private static Optional<String> text(final Element event, final String name) {
        return child(event, name).map(Element::getTextContent);
    }

    private void expectEvent(final String kind, final Optional<Long> sessionId, final Optional<String> timeout)
            throws IOException {
        final Element event = nextConfirmedCommit();
        assertEquals(Optional.of(kind), text(event, "confirm-event"), Replies.children(event).toString());
        assertEquals(sessionId.map(Object::toString), text(event, "session-id"));
        assertEquals(timeout, text(event, "timeout"));
    }

    @Test
    void rolledBackWhenTheTimeoutExpires() throws Exception {
        assertOk(session.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>"));
        assertTrue(changed(session));
        expectEvent("start", Optional.of(session.sessionId()), Optional.of("1"));
        awaitRolledBack(session);
        // RFC 6470: no session parameters for a timeout
        expectEvent("timeout", Optional.empty(), Optional.empty());
        // nothing is pending any more: running can be locked again
        assertOk(session.rpc("<lock><target><running/></target></lock>"));
        assertOk(session.rpc("<unlock><target><running/></target></unlock>"));
    }

    @Test
    void rolledBackWhenItsSessionDrops() throws Exception {
        assertOk(session.rpc("<commit><confirmed/></commit>"));
        expectEvent("start", Optional.of(session.sessionId()), Optional.of("600"));
        final long owner = session.sessionId();
        session.close();
        awaitRolledBack(subscriber);
        expectEvent("cancel", Optional.of(owner), Optional.empty());
    }

    @Test
    void keptByAConfirmingCommit() throws Exception {
        assertOk(session.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>"));
        expectEvent("start", Optional.of(session.sessionId()), Optional.of("1"));
        // while pending, running cannot be locked
        assertEquals("lock-denied", error(subscriber.rpc("<lock><target><running/></target></lock>")).tag());
        // only the session that started it can confirm it
        assertEquals("in-use", error(subscriber.rpc("<commit/>")).tag());
        assertOk(session.rpc("<commit/>"));
        expectEvent("complete", Optional.of(session.sessionId()), Optional.empty());
        Thread.sleep(1500);
        assertTrue(changed(session));
        session.close();
        Thread.sleep(200);
        assertTrue(changed(subscriber));
        restoreRunning(subscriber);
    }

    @Test
    void extendedByAnotherConfirmedCommit() throws Exception {
        assertOk(session.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>"));
        expectEvent("start", Optional.of(session.sessionId()), Optional.of("1"));
        assertOk(session.rpc("<commit><confirmed/><confirm-timeout>30</confirm-timeout></commit>"));
        expectEvent("extend", Optional.of(session.sessionId()), Optional.of("30"));
        Thread.sleep(1500);
        assertTrue(changed(session));
        assertOk(session.rpc("<cancel-commit/>"));
        expectEvent("cancel", Optional.of(session.sessionId()), Optional.empty());
        assertEquals(runningBefore, data(session.rpc(GET_RUNNING)));
    }

    @Test
    void persistentCommitConfirmedByAnotherSession() throws Exception {
        assertOk(session.rpc("<commit><confirmed/><persist>token-1</persist></commit>"));
        expectEvent("start", Optional.of(session.sessionId()), Optional.of("600"));
        session.close();
        Thread.sleep(300);
        assertTrue(changed(subscriber), "a persistent confirmed commit outlives its session");
        try (RawNetconf other = RawNetconf.connect(agent.port(), TestAgent.USER, false)) {
            final Replies.Error noId = error(other.rpc("<commit/>"));
            assertEquals("invalid-value", noId.tag());
            assertEquals(Optional.of("persist-id"), noId.badElement());
            assertEquals("invalid-value", error(other.rpc("<commit><persist-id>wrong</persist-id></commit>")).tag());
            assertOk(other.rpc("<commit><persist-id>token-1</persist-id></commit>"));
            expectEvent("complete", Optional.of(other.sessionId()), Optional.empty());
            assertTrue(changed(other));
            // nothing is pending now: a persist-id is refused
            assertEquals("invalid-value", error(other.rpc("<commit><persist-id>token-1</persist-id></commit>"))
                .tag());
            restoreRunning(other);
        }
    }

    @Test
    void cancelCommit() throws Exception {
        assertEquals("operation-failed", error(session.rpc("<cancel-commit/>")).tag());
        assertOk(session.rpc("<commit><confirmed/></commit>"));
        expectEvent("start", Optional.of(session.sessionId()), Optional.of("600"));
        final Replies.Error notOwner = error(subscriber.rpc("<cancel-commit/>"));
        assertEquals("in-use", notOwner.tag());
        assertEquals(Optional.of(Long.toString(session.sessionId())), notOwner.sessionId());
        assertOk(session.rpc("<cancel-commit/>"));
        expectEvent("cancel", Optional.of(session.sessionId()), Optional.empty());
        assertEquals(runningBefore, data(session.rpc(GET_RUNNING)));
        assertEquals("operation-failed", error(session.rpc("<cancel-commit/>")).tag());
    }

    @Test
    void persistentCommitCancelledWithItsPersistId() throws Exception {
        assertOk(session.rpc("<commit><confirmed/><persist>token-2</persist></commit>"));
        expectEvent("start", Optional.of(session.sessionId()), Optional.of("600"));
        assertEquals("invalid-value", error(subscriber.rpc("<cancel-commit/>")).tag());
        assertOk(subscriber.rpc("<cancel-commit><persist-id>token-2</persist-id></cancel-commit>"));
        expectEvent("cancel", Optional.of(subscriber.sessionId()), Optional.empty());
        assertEquals(runningBefore, data(session.rpc(GET_RUNNING)));
    }

    @Test
    void confirmedCommitParametersAreChecked() throws Exception {
        assertEquals("invalid-value", error(session.rpc(
            "<commit><confirmed/><confirm-timeout>0</confirm-timeout></commit>")).tag());
        assertEquals("invalid-value", error(session.rpc(
            "<commit><confirmed/><confirm-timeout>soon</confirm-timeout></commit>")).tag());
        assertEquals("bad-element", error(session.rpc(
            "<commit><confirm-timeout>5</confirm-timeout></commit>")).tag());
        assertEquals(runningBefore, data(session.rpc(GET_RUNNING)));
        assertOk(session.rpc("<discard-changes/>"));
    }

    @Test
    void persistentCommitSurvivesARestartAndIsConfirmedAfterIt() throws Exception {
        assertOk(session.rpc("<commit><confirmed/><persist>token-3</persist></commit>"));
        session.close();
        subscriber.close();
        agent.stop();
        agent.restart();
        session = RawNetconf.connect(agent.port(), TestAgent.USER, true);
        subscriber = RawNetconf.connect(agent.port(), TestAgent.OTHER_USER, true);
        assertTrue(changed(session), "the change is still in running after the restart");
        assertEquals("lock-denied", error(session.rpc("<lock><target><running/></target></lock>")).tag(),
            "still pending after the restart");
        assertOk(session.rpc("<commit><persist-id>token-3</persist-id></commit>"));
        assertTrue(changed(session));
        assertOk(session.rpc("<lock><target><running/></target></lock>"));
        assertOk(session.rpc("<unlock><target><running/></target></unlock>"));
        restoreRunning(session);
    }

    @Test
    void persistentCommitTimesOutAfterARestart() throws Exception {
        assertOk(session.rpc("<commit><confirmed/><confirm-timeout>2</confirm-timeout><persist>token-4</persist>"
            + "</commit>"));
        session.close();
        subscriber.close();
        agent.stop();
        agent.restart();
        session = RawNetconf.connect(agent.port(), TestAgent.USER, true);
        subscriber = RawNetconf.connect(agent.port(), TestAgent.OTHER_USER, true);
        awaitRolledBack(session);
        assertEquals("invalid-value", error(session.rpc("<commit><persist-id>token-4</persist-id></commit>"))
            .tag());
    }

    @Test
    void commitWithoutPersistIsRolledBackByARestart() throws Exception {
        assertOk(session.rpc("<commit><confirmed/></commit>"));
        agent.stop();
        assertTrue(session.closedByServer());
        agent.restart();
        session = RawNetconf.connect(agent.port(), TestAgent.USER, true);
        subscriber = RawNetconf.connect(agent.port(), TestAgent.OTHER_USER, true);
        assertEquals(runningBefore, data(session.rpc(GET_RUNNING)));
        assertOk(session.rpc("<lock><target><running/></target></lock>"));
        assertOk(session.rpc("<unlock><target><running/></target></unlock>"));
    }

    /** Puts running back as it was before the test. */
    private void restoreRunning(final RawNetconf nc) throws IOException {
        assertOk(nc.rpc("<edit-config><target><running/></target><default-operation>replace</default-operation>"
            + "<config>" + dataContent() + "</config></edit-config>"));
        assertFalse(changed(nc));
    }

    private String dataContent() {
        final Element data = Replies.parse(runningBefore);
        final StringBuilder text = new StringBuilder();
        for (Element top : Replies.children(data)) {
            text.append(org.sdqkd.netconf.protocol.api.XmlElement.of(top));
        }
        return text.toString();
    }
}
