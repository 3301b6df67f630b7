package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.server.testing.Replies.BASE;
import static org.sdqkd.netconf.server.testing.Replies.GET_CANDIDATE;
import static org.sdqkd.netconf.server.testing.Replies.GET_RUNNING;
import static org.sdqkd.netconf.server.testing.Replies.SSH_QKD;
import static org.sdqkd.netconf.server.testing.Replies.assertOk;
import static org.sdqkd.netconf.server.testing.Replies.data;
import static org.sdqkd.netconf.server.testing.Replies.editConfig;
import static org.sdqkd.netconf.server.testing.Replies.error;
import static org.sdqkd.netconf.server.testing.Replies.sshQkd;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.testing.RawNetconf;
import org.sdqkd.netconf.server.testing.Replies;
import org.sdqkd.netconf.server.testing.TestAgent;

/**
 * What a misbehaving or vanishing client can do to the agent: broken framing, oversized, malformed or hostile XML,
 * unknown operations, datastores locked by another session, sessions that die in the middle of an edit. After each,
 * the agent still serves another session, has forgotten the broken one (no session, no lock left) and running is
 * unchanged.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentRobustnessTest {
    /** A small message limit, so that oversized messages are cheap to send. */
    private static final int MAX_MESSAGE = 64 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";

    private static TestAgent agent;
    /** A well-behaved session that watches the agent across every test. */
    private static RawNetconf observer;
    private String runningBefore;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = TestAgent.start(s -> s.withLimits(new XmlLimits(MAX_DEPTH, MAX_MESSAGE), MAX_MESSAGE));
        observer = RawNetconf.connect(agent.port(), TestAgent.USER, true);
        assertOk(observer.rpc(editConfig("running", sshQkd("initial"))));
    }

    @AfterAll
    static void stopAgent() {
        observer.close();
        agent.close();
    }

    @BeforeEach
    void recordRunning() throws IOException {
        runningBefore = data(observer.rpc(GET_RUNNING));
    }

    /** The agent still serves the observer, running is as before, and only the observer's session is left. */
    @AfterEach
    void agentIntact() throws Exception {
        assertEquals(runningBefore, data(observer.rpc(GET_RUNNING)), "running changed");
        awaitOnlyObserver();
        final String state = observer.rpc("<get><filter type='subtree'><netconf-state xmlns='" + MONITORING
            + "'><datastores/></netconf-state></filter></get>");
        assertFalse(state.contains("locked-by-session"), "a lock was left: " + state);
        assertEquals(data(observer.rpc(GET_RUNNING)), data(observer.rpc(GET_CANDIDATE)),
            "uncommitted candidate changes were left");
    }

    private static void awaitOnlyObserver() throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String sessions = "";
        while (System.nanoTime() < deadline) {
            sessions = observer.rpc("<get><filter type='subtree'><netconf-state xmlns='" + MONITORING
                + "'><sessions><session><session-id/></session></sessions></netconf-state></filter></get>");
            if (sessions.split("<session-id>", -1).length - 1 == 1) {
                assertTrue(sessions.contains("<session-id>" + observer.sessionId() + "</session-id>"));
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("sessions left behind: " + sessions);
    }

    private static RawNetconf connect(final boolean chunked) throws IOException {
        return RawNetconf.connect(agent.port(), TestAgent.OTHER_USER, chunked);
    }

    private static String rpcText(final String id, final String operation) {
        return "<rpc xmlns='" + BASE + "' message-id='" + id + "'>" + operation + "</rpc>";
    }

    // --- framing

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void clientClosesInsideAMessage(final boolean chunked) throws Exception {
        try (RawNetconf nc = connect(chunked)) {
            final String partial = rpcText("1", "<get-config><source><running/></source>");
            nc.sendRaw(chunked ? "\n#500\n" + partial : partial);
        }
    }

    @Test
    void clientClosesInsideItsHello() throws Exception {
        try (RawNetconf nc = RawNetconf.open(agent.port(), TestAgent.OTHER_USER)) {
            nc.receive();
            nc.sendRaw("<hello xmlns='" + BASE + "'><capabilities><capability>urn:ietf:params:netconf:base:1.1");
        }
    }

    @Test
    void chunkAboveTheLimitIsTooBig() throws Exception {
        try (RawNetconf nc = connect(true)) {
            nc.sendRaw("\n#" + (MAX_MESSAGE + 1) + "\n<rpc");
            final Replies.Error e = error(nc.receive());
            assertEquals("too-big", e.tag());
            assertTrue(nc.closedByServer(), "framing cannot resynchronise: the session must close");
        }
    }

    @Test
    void chunksAddingUpAboveTheLimitAreTooBig() throws Exception {
        try (RawNetconf nc = connect(true)) {
            final String chunk = " ".repeat(MAX_MESSAGE / 4);
            nc.sendRaw("\n#" + 5 + "\n<rpc ");
            for (int i = 0; i < 5; i++) {
                nc.sendRaw("\n#" + chunk.length() + "\n" + chunk);
            }
            assertEquals("too-big", error(nc.receive()).tag());
            assertTrue(nc.closedByServer());
        }
    }

    @Test
    void endOfMessageAboveTheLimitIsTooBig() throws Exception {
        try (RawNetconf nc = connect(false)) {
            nc.sendRaw("<rpc xmlns='" + BASE + "' message-id='1'><get-config>" + " ".repeat(MAX_MESSAGE));
            assertEquals("too-big", error(nc.receive()).tag());
            assertTrue(nc.closedByServer());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n#abc\n", "\n#0\n", "\n#012\n", "#5\n<rpc>", "\n##\n", "\n#5x\n", "\r\n#5\r\n",
        "\n#99999999999\n"})
    void badChunkHeaderClosesTheSession(final String header) throws Exception {
        try (RawNetconf nc = connect(true)) {
            nc.sendRaw(header);
            final String reply = nc.receive();
            final Replies.Error e = error(reply);
            assertEquals("malformed-message", e.tag(), reply);
            assertEquals(Optional.empty(), Replies.messageId(reply));
            assertTrue(nc.closedByServer());
        }
    }

    // --- bad XML: the framing is intact, so the session goes on

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void malformedXmlIsMalformedMessageAndTheSessionGoesOn(final boolean chunked) throws Exception {
        try (RawNetconf nc = connect(chunked)) {
            for (String bad : List.of(rpcText("1", "<get-config><source><running/></source>"),
                    "<rpc xmlns='" + BASE + "' message-id='2'><get></rpc>", "not xml at all",
                    "<rpc xmlns='" + BASE + "' message-id='3'><get/></rpc><trailing/>", "\u00ff\u00fe<<")) {
                nc.send(bad);
                final String reply = nc.receive();
                assertEquals("malformed-message", error(reply).tag(), reply);
                assertEquals("rpc", error(reply).type());
            }
            assertTrue(data(nc.rpc(GET_RUNNING)).contains("initial"));
        }
    }

    @Test
    void notAnRpc() throws Exception {
        try (RawNetconf nc = connect(true)) {
            nc.send("<rpc message-id='1'><get/></rpc>");
            assertEquals("unknown-namespace", error(nc.receive()).tag());
            nc.send("<rpc xmlns='" + BASE + "'><get/></rpc>");
            final Replies.Error missingId = error(nc.receive());
            assertEquals("missing-attribute", missingId.tag());
            nc.send("<rpc-reply xmlns='" + BASE + "' message-id='1'><ok/></rpc-reply>");
            assertEquals("unknown-element", error(nc.receive()).tag());
            nc.send("<hello xmlns='" + BASE + "'><capabilities><capability>urn:ietf:params:netconf:base:1.0"
                + "</capability></capabilities></hello>");
            assertEquals("unknown-element", error(nc.receive()).tag());
            assertTrue(data(nc.rpc(GET_RUNNING)).contains("initial"));
        }
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() throws Exception {
        final StringBuilder dtd = new StringBuilder("<?xml version='1.0'?><!DOCTYPE rpc [<!ENTITY lol0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" '")
                .append(("&lol" + (i - 1) + ";").repeat(10)).append("'>");
        }
        dtd.append("]>").append(rpcText("1", editConfig("running",
            "<ssh-qkd xmlns='" + SSH_QKD + "'><peer><sae-id>a</sae-id><description>&lol9;</description></peer>"
                + "</ssh-qkd>")));
        try (RawNetconf nc = connect(true)) {
            nc.send(dtd.toString());
            final String reply = nc.receive();
            assertEquals("malformed-message", error(reply).tag(), reply);
            // an external entity is refused the same way
            nc.send("<!DOCTYPE rpc [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + rpcText("2", "<get>&x;</get>"));
            assertEquals("malformed-message", error(nc.receive()).tag());
            assertTrue(data(nc.rpc(GET_RUNNING)).contains("initial"));
        }
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        final int depth = MAX_DEPTH * 4;
        final String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
        try (RawNetconf nc = connect(true)) {
            nc.send(rpcText("1", editConfig("running", "<ssh-qkd xmlns='" + SSH_QKD + "'>" + deep + "</ssh-qkd>")));
            final String reply = nc.receive();
            final String tag = error(reply).tag();
            assertTrue("too-big".equals(tag) || "malformed-message".equals(tag), reply);
            assertTrue(data(nc.rpc(GET_RUNNING)).contains("initial"));
        }
    }

    // --- operations

    @Test
    void unknownOperations() throws Exception {
        try (RawNetconf nc = connect(true)) {
            final Replies.Error base = error(nc.rpc("<frobnicate/>"));
            assertEquals("protocol", base.type());
            assertEquals("operation-not-supported", base.tag());
            assertEquals(Optional.of("frobnicate"), base.badElement());
            final Replies.Error foreign = error(nc.rpc("<frobnicate xmlns='urn:example:nothing'/>"));
            assertEquals("unknown-namespace", foreign.tag());
            assertEquals(Optional.of("frobnicate"), foreign.badElement());
            // a model's namespace, but a container, not an rpc
            assertEquals("operation-not-supported", error(nc.rpc("<ssh-qkd xmlns='" + SSH_QKD + "'/>")).tag());
            assertEquals("unknown-element", error(nc.rpc("<get><bogus/></get>")).tag());
            assertTrue(data(nc.rpc(GET_RUNNING)).contains("initial"));
        }
    }

    @Test
    void operationsOnADatastoreLockedByAnotherSession() throws Exception {
        try (RawNetconf holder = connect(true); RawNetconf other = connect(false)) {
            for (String ds : List.of("running", "candidate", "startup")) {
                assertOk(holder.rpc("<lock><target><" + ds + "/></target></lock>"));
                final Replies.Error denied = error(other.rpc("<lock><target><" + ds + "/></target></lock>"));
                assertEquals("lock-denied", denied.tag());
                assertEquals(Optional.of(Long.toString(holder.sessionId())), denied.sessionId());
                final Replies.Error unlock = error(other.rpc("<unlock><target><" + ds + "/></target></unlock>"));
                assertEquals("operation-failed", unlock.tag());
            }
            final Replies.Error edit = error(other.rpc(editConfig("running", sshQkd("intruder"))));
            assertEquals("in-use", edit.tag());
            assertEquals("in-use", error(other.rpc(editConfig("candidate", sshQkd("intruder")))).tag());
            assertEquals("in-use", error(other.rpc("<commit/>")).tag());
            assertEquals("in-use", error(other.rpc("<discard-changes/>")).tag());
            assertEquals("in-use", error(other.rpc(
                "<copy-config><target><running/></target><source><startup/></source></copy-config>")).tag());
            assertEquals("in-use", error(other.rpc(
                "<copy-config><target><startup/></target><source><running/></source></copy-config>")).tag());
            assertEquals("in-use", error(other.rpc("<delete-config><target><startup/></target></delete-config>"))
                .tag());
            // reading is not blocked by locks
            assertEquals(runningBefore, data(other.rpc(GET_RUNNING)));
            // the holder's own lock is denied too
            assertEquals("lock-denied", error(holder.rpc("<lock><target><running/></target></lock>")).tag());
            for (String ds : List.of("running", "candidate", "startup")) {
                assertOk(holder.rpc("<unlock><target><" + ds + "/></target></unlock>"));
            }
        }
    }

    @Test
    void candidateLockDeniedWhileAnotherSessionHasUncommittedChanges() throws Exception {
        try (RawNetconf editor = connect(true); RawNetconf other = connect(true)) {
            assertOk(editor.rpc(editConfig("candidate", sshQkd("pending"))));
            final Replies.Error denied = error(other.rpc("<lock><target><candidate/></target></lock>"));
            assertEquals("lock-denied", denied.tag());
            assertOk(editor.rpc("<discard-changes/>"));
        }
    }

    @Test
    void killSessionMidEditReleasesTheLockAndDiscardsTheCandidate() throws Exception {
        try (RawNetconf victim = connect(true); RawNetconf killer = connect(true)) {
            editMidway(victim);
            assertOk(killer.rpc("<kill-session><session-id>" + victim.sessionId() + "</session-id></kill-session>"));
            // kill-session has released the lock and the changes by the time it replies
            assertEquals(runningBefore, data(killer.rpc(GET_CANDIDATE)));
            assertOk(killer.rpc("<lock><target><candidate/></target></lock>"));
            assertOk(killer.rpc("<unlock><target><candidate/></target></unlock>"));
            assertTrue(victim.closedByServer());
        }
    }

    @Test
    void droppedConnectionMidEditReleasesTheLockAndDiscardsTheCandidate() throws Exception {
        final RawNetconf victim = connect(false);
        editMidway(victim);
        victim.close();
        awaitOnlyObserver();
        // the release follows the operation the session was running when its connection dropped
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!runningBefore.equals(data(observer.rpc(GET_CANDIDATE))) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(runningBefore, data(observer.rpc(GET_CANDIDATE)));
        assertOk(observer.rpc("<lock><target><candidate/></target></lock>"));
        assertOk(observer.rpc("<unlock><target><candidate/></target></unlock>"));
    }

    /** Locks the candidate, edits it, and sends an edit that is left unread. */
    private static void editMidway(final RawNetconf victim) throws IOException {
        assertOk(victim.rpc("<lock><target><candidate/></target></lock>"));
        assertOk(victim.rpc("<lock><target><running/></target></lock>"));
        assertOk(victim.rpc(editConfig("candidate", sshQkd("uncommitted"))));
        assertTrue(data(victim.rpc(GET_CANDIDATE)).contains("uncommitted"));
        final Replies.Error e = error(observer.rpc(editConfig("candidate", sshQkd("blocked"))));
        assertEquals("in-use", e.tag());
        victim.send("<rpc xmlns='" + BASE + "' message-id='99'>"
            + editConfig("candidate", sshQkd("more")) + "</rpc>");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pipelinedLockAndEditThenDrop(final boolean chunked) throws Exception {
        for (int i = 0; i < 3; i++) {
            final RawNetconf nc = connect(chunked);
            nc.send(rpcText("1", "<lock><target><running/></target></lock>"));
            nc.send(rpcText("2", "<lock><target><candidate/></target></lock>"));
            nc.send(rpcText("3", editConfig("candidate", sshQkd("pipelined"))));
            nc.send(rpcText("4", editConfig("running", sshQkd("pipelined"))));
            nc.close();
        }
        // the edit of running may have completed before the drop: then it stays, and nothing else
        awaitOnlyObserver();
        final String running = data(observer.rpc(GET_RUNNING));
        if (!running.equals(runningBefore)) {
            assertTrue(running.contains("pipelined"));
            assertOk(observer.rpc("<edit-config><target><running/></target><default-operation>replace"
                + "</default-operation><config>" + sshQkd("initial") + "</config></edit-config>"));
        }
    }

    @Test
    void sessionsKillingEachOther() throws Exception {
        try (RawNetconf a = connect(true); RawNetconf b = connect(true)) {
            assertOk(a.rpc("<lock><target><running/></target></lock>"));
            assertOk(b.rpc("<lock><target><startup/></target></lock>"));
            a.send(rpcText("1", "<kill-session><session-id>" + b.sessionId() + "</session-id></kill-session>"));
            b.send(rpcText("1", "<kill-session><session-id>" + a.sessionId() + "</session-id></kill-session>"));
            // one or both are killed, neither waits for the other for ever
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String sessions = "";
            while (System.nanoTime() < deadline) {
                sessions = observer.rpc("<get><filter type='subtree'><netconf-state xmlns='" + MONITORING
                    + "'><sessions><session><session-id/></session></sessions></netconf-state></filter></get>");
                if (sessions.split("<session-id>", -1).length - 1 <= 2) {
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(sessions.split("<session-id>", -1).length - 1 <= 2, sessions);
        }
    }

    @Test
    void manyShortSessionsLeaveNothingBehind() throws Exception {
        for (int i = 0; i < 8; i++) {
            final RawNetconf nc = connect(i % 2 == 0);
            if (i % 3 == 0) {
                assertOk(nc.rpc("<lock><target><startup/></target></lock>"));
            }
            if (i % 4 == 0) {
                assertOk(nc.rpc("<close-session/>"));
                assertTrue(nc.closedByServer());
            }
            nc.close();
        }
    }

    @Test
    void helloWithSessionIdOrNoHelloClosesTheSession() throws Exception {
        try (RawNetconf nc = RawNetconf.open(agent.port(), TestAgent.OTHER_USER)) {
            nc.receive();
            nc.sendRaw("<hello xmlns='" + BASE + "'><capabilities><capability>urn:ietf:params:netconf:base:1.0"
                + "</capability></capabilities><session-id>5</session-id></hello>]]>]]>");
            assertTrue(nc.closedByServer());
        }
        try (RawNetconf nc = RawNetconf.open(agent.port(), TestAgent.OTHER_USER)) {
            nc.receive();
            nc.sendRaw(rpcText("1", "<get/>") + "]]>]]>");
            assertTrue(nc.closedByServer());
        }
    }
}
