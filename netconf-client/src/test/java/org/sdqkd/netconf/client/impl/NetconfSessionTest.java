package org.sdqkd.netconf.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.client.impl.TestSupport.await;
import static org.sdqkd.netconf.client.impl.TestSupport.failure;
import static org.sdqkd.netconf.client.impl.TestSupport.options;
import static org.sdqkd.netconf.client.impl.TestSupport.xml;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfRpcException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.client.api.NetconfTimeoutException;
import org.sdqkd.netconf.client.api.NmdaDatastore;
import org.sdqkd.netconf.client.api.SubscriptionOptions;
import org.sdqkd.netconf.client.api.UnexpectedReplyException;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.ChunkedFraming;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.EndOfMessageFraming;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;

/** The client against a scripted NETCONF peer behind the project's MINA SSH server, on loopback. */
@Timeout(120)
class NetconfSessionTest {
    private static final XmlElement GET = xml("<get xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'/>");

    @TempDir
    Path dir;

    private NetconfClient client;
    private ScriptedServer server;

    @BeforeEach
    void setUp() {
        client = NetconfClient.create();
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    private ScriptedServer start(final Set<URI> capabilities, final ScriptedServer.Script script)
            throws Exception {
        server = new ScriptedServer(dir, capabilities, script).start();
        return server;
    }

    private NetconfSession connect() throws Exception {
        return await(client.connect(options(server.port()).build()));
    }

    @Test
    void helloNegotiatesChunkedFramingWhenBothOfferBase11() throws Exception {
        start(ScriptedServer.BOTH, ScriptedServer.okToAll());
        final NetconfSession session = connect();
        assertEquals(Capabilities.BASE_1_1, session.framing());
        assertEquals(ChunkedFraming.class, session.framingType());
        assertTrue(session.sessionId() >= 1);
        assertTrue(session.hasCapability(Capabilities.BASE_1_1));
        assertInstanceOf(ReplyContent.Ok.class, await(session.rpc(GET)).content());
    }

    @Test
    void helloFallsBackToEndOfMessageFraming() throws Exception {
        start(Set.of(Capabilities.BASE_1_0), ScriptedServer.okToAll());
        final NetconfSession fromServer = connect();
        assertEquals(EndOfMessageFraming.class, fromServer.framingType());
        assertInstanceOf(ReplyContent.Ok.class, await(fromServer.rpc(GET)).content());

        server.close();
        start(ScriptedServer.BOTH, ScriptedServer.okToAll());
        final NetconfSession fromClient = await(client.connect(options(server.port())
            .capabilities(Capabilities.BASE_1_0).build()));
        assertEquals(Capabilities.BASE_1_0, fromClient.framing());
        assertInstanceOf(ReplyContent.Ok.class, await(fromClient.rpc(GET)).content());
    }

    @Test
    void noCommonBaseVersionFailsTheConnect() throws Exception {
        start(Set.of(Capabilities.BASE_1_1), ScriptedServer.okToAll());
        final Throwable failure = failure(client.connect(options(server.port())
            .capabilities(Capabilities.BASE_1_0).build()));
        assertInstanceOf(NetconfConnectException.class, failure);
        assertTrue(failure.getMessage().contains("no NETCONF base version in common"), failure.getMessage());
    }

    @Test
    void pipelinedRpcsAreMatchedByMessageId() throws Exception {
        final int count = 200;
        final List<Rpc> received = new ArrayList<>();
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            received.add(rpc);
            if (received.size() == count) {
                // a reply nobody waits for first, then all replies in reverse order
                peer.send(new RpcReply(Optional.of("no-such-id"), Map.of(), new ReplyContent.Ok()));
                Collections.reverse(received);
                for (Rpc request : received) {
                    peer.reply(request, new ReplyContent.Data(List.of(request.operation())));
                }
            }
        });
        final NetconfSession session = connect();
        final List<CompletableFuture<RpcReply>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(session.rpc(xml("<get xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'><filter><n>" + i
                + "</n></filter></get>")));
        }
        for (int i = 0; i < count; i++) {
            final RpcReply reply = await(futures.get(i));
            final ReplyContent.Data data = assertInstanceOf(ReplyContent.Data.class, reply.content());
            assertTrue(data.nodes().getFirst().toString().contains("<n>" + i + "</n>"), data.nodes().toString());
        }
        assertTrue(session.isOpen());
    }

    @Test
    void rpcErrorFailsTheFutureWithTheErrors() throws Exception {
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            final RpcError error = RpcError.of(ErrorType.APPLICATION, ErrorTag.DATA_MISSING, "nothing there");
            if ("lock".equals(ScriptedServer.operation(rpc))) {
                peer.reply(rpc, new ReplyContent.Errors(List.of(error.withSeverity(ErrorSeverity.WARNING), error,
                    RpcError.of(ErrorType.PROTOCOL, ErrorTag.LOCK_DENIED, "second"))));
            } else {
                peer.reply(rpc, new ReplyContent.Errors(List.of(error.withSeverity(ErrorSeverity.WARNING))));
            }
        });
        final NetconfSession session = connect();
        final NetconfOperations ops = new NetconfOperations(session);
        final NetconfRpcException failure = assertInstanceOf(NetconfRpcException.class,
            failure(ops.lock(Datastore.CANDIDATE)));
        assertEquals(3, failure.errors().size());
        assertEquals(ErrorTag.DATA_MISSING, failure.firstError().tag());
        assertEquals(ErrorSeverity.ERROR, failure.firstError().severity());
        assertTrue(failure.getMessage().contains("nothing there"), failure.getMessage());
        // warnings alone are a success
        await(ops.unlock(Datastore.CANDIDATE));
    }

    @Test
    void anRpcWithoutReplyTimesOutAndTheSessionStaysUsable() throws Exception {
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            if (!"lock".equals(ScriptedServer.operation(rpc))) {
                peer.ok(rpc);
            }
        });
        final NetconfSession session = connect();
        final CompletableFuture<RpcReply> silent = session.rpc(
            xml("<lock xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'><target><running/></target></lock>"),
            Duration.ofMillis(200));
        final NetconfTimeoutException timeout = assertInstanceOf(NetconfTimeoutException.class, failure(silent));
        assertEquals(Duration.ofMillis(200), timeout.timeout());
        assertTrue(session.isOpen());
        assertInstanceOf(ReplyContent.Ok.class, await(session.rpc(GET)).content());
    }

    @Test
    void aServerDropFailsOutstandingRpcsAndTellsTheCloseListeners() throws Exception {
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            if ("kill-session".equals(ScriptedServer.operation(rpc))) {
                peer.close();
            }
        });
        final NetconfSession session = connect();
        final NetconfOperations ops = new NetconfOperations(session);
        final BlockingQueue<NetconfSessionClosedException> closes = new LinkedBlockingQueue<>();
        session.addCloseListener(closes::add);
        final CompletableFuture<RpcReply> first = session.rpc(GET);
        final CompletableFuture<RpcReply> second = session.rpc(GET);
        final CompletableFuture<Void> kill = ops.killSession(99);
        for (CompletableFuture<?> future : List.of(first, second, kill)) {
            assertInstanceOf(NetconfSessionClosedException.class, failure(future));
        }
        assertNotNull(closes.poll(30, TimeUnit.SECONDS));
        assertFalse(session.isOpen());
        assertInstanceOf(NetconfSessionClosedException.class, failure(session.rpc(GET)));
        // a listener added after the close is told at once
        final BlockingQueue<NetconfSessionClosedException> late = new LinkedBlockingQueue<>();
        session.addCloseListener(late::add);
        assertNotNull(late.poll(30, TimeUnit.SECONDS));
    }

    @Test
    void notificationsInterleavedWithRepliesGoToTheListeners() throws Exception {
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            final OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");
            peer.send(new Notification(now, xml("<event xmlns='urn:test'><n>before</n></event>")));
            if ("create-subscription".equals(ScriptedServer.operation(rpc))) {
                peer.ok(rpc);
            } else {
                peer.reply(rpc, new ReplyContent.Data(List.of(xml("<top xmlns='urn:test'/>"))));
            }
            peer.send(new Notification(now, xml("<event xmlns='urn:test'><n>after</n></event>")));
        });
        final NetconfSession session = connect();
        final NetconfOperations ops = new NetconfOperations(session);
        final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        session.addNotificationListener(received::add);
        await(ops.createSubscription(SubscriptionOptions.DEFAULT));
        final List<XmlElement> data = await(ops.get());
        assertEquals(List.of(xml("<top xmlns='urn:test'/>")), data);
        final List<String> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            final Notification notification = received.poll(30, TimeUnit.SECONDS);
            assertNotNull(notification, "notification " + i);
            events.add(notification.event().toString());
        }
        assertTrue(events.get(0).contains("before") && events.get(1).contains("after")
            && events.get(2).contains("before") && events.get(3).contains("after"), events.toString());
    }

    @Test
    void malformedFramingClosesTheSessionAndFailsOutstandingRpcs() throws Exception {
        start(ScriptedServer.BOTH, (rpc, peer) -> peer.sendRaw("\n#abc\n<rpc-reply/>".getBytes(
            StandardCharsets.US_ASCII)));
        final NetconfSession session = connect();
        final CompletableFuture<RpcReply> other = session.rpc(GET, Duration.ofSeconds(30));
        final Throwable failure = failure(session.rpc(GET, Duration.ofSeconds(30)));
        final NetconfSessionClosedException closed = assertInstanceOf(NetconfSessionClosedException.class, failure);
        assertInstanceOf(FramingException.class, closed.getCause());
        assertTrue(closed.getMessage().contains("malformed framing"), closed.getMessage());
        assertInstanceOf(NetconfSessionClosedException.class, failure(other));
        assertFalse(session.isOpen());
    }

    @Test
    void malformedXmlClosesTheSessionInBothFramings() throws Exception {
        final ScriptedServer.Script garbage = (rpc, peer) -> peer.sendRaw(peer.frame(
            "<rpc-reply xmlns='urn:ietf:params:xml:ns:netconf:base:1.0' message-id='1'><ok></rpc-reply>"
                .getBytes(StandardCharsets.UTF_8)));
        start(ScriptedServer.BOTH, garbage);
        final NetconfSession chunked = connect();
        final Throwable failure = failure(chunked.rpc(GET, Duration.ofSeconds(30)));
        assertInstanceOf(MessageException.class, assertInstanceOf(NetconfSessionClosedException.class, failure)
            .getCause());
        assertFalse(chunked.isOpen());

        server.close();
        start(Set.of(Capabilities.BASE_1_0), garbage);
        final NetconfSession endOfMessage = connect();
        assertInstanceOf(NetconfSessionClosedException.class, failure(endOfMessage.rpc(GET, Duration.ofSeconds(30))));
    }

    @Test
    void aMalformedHelloFailsTheConnect() throws Exception {
        server = new ScriptedServer(dir, ScriptedServer.BOTH, ScriptedServer.okToAll())
            .withRawHello("<hello xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'><capabilities>]]>]]>"
                .getBytes(StandardCharsets.UTF_8)).start();
        final Throwable failure = failure(client.connect(options(server.port()).build()));
        assertInstanceOf(NetconfConnectException.class, failure);
        assertTrue(failure.getMessage().contains("malformed hello"), failure.getMessage());
    }

    @Test
    void aMissingHelloTimesOut() throws Exception {
        server = new ScriptedServer(dir, ScriptedServer.BOTH, ScriptedServer.okToAll())
            .withRawHello(new byte[0]).start();
        final Throwable failure = failure(client.connect(options(server.port())
            .helloTimeout(Duration.ofMillis(300)).build()));
        assertInstanceOf(NetconfConnectException.class, failure);
        assertTrue(failure.getMessage().contains("no hello"), failure.getMessage());
    }

    @Test
    void aLargeReplyCrossesManySshWindows() throws Exception {
        final String big = "x".repeat(3 * 1024 * 1024);
        start(ScriptedServer.BOTH, (rpc, peer) -> peer.reply(rpc, new ReplyContent.Data(
            List.of(xml("<blob xmlns='urn:test'>" + big + "</blob>")))));
        final NetconfSession session = connect();
        final NetconfOperations ops = new NetconfOperations(session);
        final List<XmlElement> data = await(ops.get());
        assertEquals(big.length(), data.getFirst().toElement().getTextContent().length());
        // and a large request the other way
        final List<XmlElement> echoed = await(ops.getConfig(Datastore.RUNNING));
        assertEquals(1, echoed.size());
    }

    @Test
    void aReplyArrivingInSmallPiecesIsReadAsItArrives() throws Exception {
        final String text = "y".repeat(20_000);
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            final byte[] framed = peer.frame(("<rpc-reply xmlns='urn:ietf:params:xml:ns:netconf:base:1.0' message-id='"
                + rpc.messageId() + "'><data><top xmlns='urn:test'><n>" + text + "</n></top></data></rpc-reply>")
                .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < framed.length; i += 997) {
                peer.sendRaw(Arrays.copyOfRange(framed, i, Math.min(framed.length, i + 997)));
                LockSupport.parkNanos(1_000_000);
            }
        });
        final NetconfSession session = connect();
        final NetconfOperations ops = new NetconfOperations(session);
        for (int round = 0; round < 3; round++) {
            final List<XmlElement> data = await(ops.get());
            assertEquals(text, data.getFirst().toElement().getTextContent());
        }
    }

    @Test
    void getConfigDataIsReadByTheCallersReaderWhileItArrives() throws Exception {
        final StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            entries.append("<node><name>n").append(i).append("</name><value>").append(i).append("</value></node>");
        }
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            final byte[] framed = peer.frame(("<rpc-reply xmlns='urn:ietf:params:xml:ns:netconf:base:1.0' message-id='"
                + rpc.messageId() + "'><data><probe xmlns='urn:p'>" + entries + "</probe></data></rpc-reply>")
                .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < framed.length; i += 4099) {
                peer.sendRaw(Arrays.copyOfRange(framed, i, Math.min(framed.length, i + 4099)));
            }
        });
        final NetconfOperations ops = new NetconfOperations(connect());
        final Filter probe = Filter.subtree(xml("<probe xmlns='urn:p'/>"));
        final DataReader<Long> sum = data -> {
            long total = 0;
            while (data.hasNext()) {
                if (data.next() == XMLStreamConstants.START_ELEMENT && "value".equals(data.getLocalName())) {
                    total += Long.parseLong(data.getElementText());
                }
            }
            return total;
        };
        assertEquals(Optional.of(499L * 500 / 2), await(ops.getConfig(Datastore.RUNNING, probe, sum)));
        // a reader's own refusal fails its rpc only; the session reads on
        final DataReader<Long> refusing = data -> {
            throw new XMLStreamException("not what this reader reads");
        };
        final Throwable refused = failure(ops.getConfig(Datastore.RUNNING, probe, refusing));
        assertInstanceOf(XMLStreamException.class, assertInstanceOf(UnexpectedReplyException.class, refused)
            .getCause());
        assertEquals(Optional.of(499L * 500 / 2), await(ops.getConfig(Datastore.RUNNING, probe, sum)));
        // the same data as a DOM, for the same request without a reader
        assertEquals(500, await(ops.getConfig(Datastore.RUNNING, probe)).getFirst().toElement()
            .getElementsByTagNameNS("urn:p", "node").getLength());
    }

    @Test
    void aReplySentJustBeforeTheServerClosesIsDelivered() throws Exception {
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            peer.reply(rpc, new ReplyContent.Data(List.of(xml("<top xmlns='urn:test'><n>last</n></top>"))));
            peer.close();
        });
        final NetconfSession session = connect();
        final BlockingQueue<NetconfSessionClosedException> closes = new LinkedBlockingQueue<>();
        session.addCloseListener(closes::add);
        assertEquals(List.of(xml("<top xmlns='urn:test'><n>last</n></top>")),
            await(new NetconfOperations(session).get()));
        final NetconfSessionClosedException closed = closes.poll(30, TimeUnit.SECONDS);
        assertNotNull(closed);
        assertTrue(closed.getMessage().contains("closed the session"), closed.getMessage());
    }

    @Test
    void closeSessionSendsCloseSessionAndCloses() throws Exception {
        final BlockingQueue<String> operations = new LinkedBlockingQueue<>();
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            operations.add(ScriptedServer.operation(rpc));
            peer.ok(rpc);
        });
        final NetconfSession session = connect();
        final NetconfOperations ops = new NetconfOperations(session);
        await(ops.closeSession());
        assertEquals("close-session", operations.poll(30, TimeUnit.SECONDS));
        assertFalse(session.isOpen());
        assertNotNull(server.closedSessions().poll(30, TimeUnit.SECONDS));
    }

    @Test
    void wrongPasswordFailsTheConnect() throws Exception {
        start(ScriptedServer.BOTH, ScriptedServer.okToAll());
        final Throwable failure = failure(client.connect(options(server.port())
            .password("wrong".toCharArray()).build()));
        assertInstanceOf(NetconfConnectException.class, failure);
        assertTrue(failure.getMessage().contains("authentication"), failure.getMessage());
    }

    @Test
    void connectingToAClosedPortFails() throws Exception {
        start(ScriptedServer.BOTH, ScriptedServer.okToAll());
        final int port = server.port();
        server.close();
        server = null;
        assertInstanceOf(NetconfConnectException.class, failure(client.connect(options(port).build())));
    }

    @Test
    void typedHelpersReadTheirResults() throws Exception {
        final String yang = "module m { namespace \"urn:m\"; prefix m; }";
        start(ScriptedServer.BOTH, (rpc, peer) -> {
            switch (ScriptedServer.operation(rpc)) {
                case "get-schema" -> peer.reply(rpc, new ReplyContent.Output(List.of(xml(
                    "<data xmlns='urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring'>" + yang.replace("\"",
                        "&quot;") + "</data>"))));
                case "get-data" -> peer.reply(rpc, new ReplyContent.Output(List.of(xml(
                    "<data xmlns='urn:ietf:params:xml:ns:yang:ietf-netconf-nmda'><a xmlns='urn:t'/><b xmlns='urn:t'/>"
                        + "</data>"))));
                case "get-config" -> peer.reply(rpc, new ReplyContent.Data(List.of(xml("<a xmlns='urn:t'/>"))));
                case "commit", "get" -> peer.reply(rpc, new ReplyContent.Output(List.of(xml("<odd xmlns='urn:t'/>"))));
                default -> peer.ok(rpc);
            }
        });
        final NetconfSession session = connect();
        final NetconfOperations ops = new NetconfOperations(session);
        assertEquals(yang, await(ops.getSchema("m")));
        assertEquals(List.of(xml("<a xmlns='urn:t'/>"), xml("<b xmlns='urn:t'/>")),
            await(ops.getData(NmdaDatastore.OPERATIONAL, Optional.empty())));
        assertEquals(List.of(xml("<a xmlns='urn:t'/>")), await(ops.getConfig(Datastore.RUNNING,
            Filter.subtree(xml("<a xmlns='urn:t'/>")))));
        await(ops.editConfig(Datastore.CANDIDATE, xml("<a xmlns='urn:t'/>")));
        await(ops.validate(Datastore.CANDIDATE));
        await(ops.discardChanges());
        // ok-returning operations accept any reply that is not an error
        await(ops.commit());
        // a get answered without <data> is not what get returns
        assertInstanceOf(UnexpectedReplyException.class, failure(ops.get()));
    }
}
