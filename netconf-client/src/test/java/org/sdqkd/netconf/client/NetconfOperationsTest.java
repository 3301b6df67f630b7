package org.sdqkd.netconf.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.SafeXml;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.client.api.NetconfTimeoutException;
import org.sdqkd.netconf.client.api.UnexpectedReplyException;

/** The typed operations on a session that is only a transport: here one in memory, with no SSH. */
class NetconfOperationsTest {
    private static final XmlElement TOP = xml("<top xmlns='urn:t'/>");

    @Test
    void operationsSendTheirElementAndReadTheReply() throws Exception {
        final MemorySession session = new MemorySession(op -> "get-config".equals(op.localName())
            ? CompletableFuture.completedFuture(reply(new ReplyContent.Data(List.of(TOP))))
            : CompletableFuture.completedFuture(reply(new ReplyContent.Ok())));
        final NetconfOperations ops = new NetconfOperations(session);
        assertSame(session, ops.session());
        assertEquals(List.of(TOP), ops.getConfig(Datastore.RUNNING).get());
        ops.lock(Datastore.CANDIDATE).get();
        ops.commit().get();
        assertEquals(List.of("get-config", "lock", "commit"), session.sent());
    }

    @Test
    void anRpcFailureFailsTheOperation() {
        final NetconfSessionClosedException closed = new NetconfSessionClosedException("gone", null);
        final NetconfOperations ops = new NetconfOperations(new MemorySession(op ->
            CompletableFuture.failedFuture(closed)));
        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> ops.get().get());
        assertSame(closed, failure.getCause());
    }

    @Test
    void closeSessionSendsCloseSessionThenClosesEvenWhenTheRpcFails() throws Exception {
        final MemorySession session = new MemorySession(op -> CompletableFuture.failedFuture(
            new NetconfTimeoutException("close-session", Duration.ofSeconds(1))));
        new NetconfOperations(session).closeSession().get();
        assertEquals(List.of("close-session"), session.sent());
        assertFalse(session.isOpen());
        assertTrue(session.closeFuture().isDone());
    }

    @Test
    void closeSessionOfAClosedSessionSendsNothing() throws Exception {
        final MemorySession session = new MemorySession(op -> CompletableFuture.completedFuture(
            reply(new ReplyContent.Ok())));
        session.close();
        new NetconfOperations(session).closeSession().get();
        assertEquals(List.of(), session.sent());
    }

    @Test
    void getSchemaRefusesAReplyWithoutItsText() {
        final NetconfOperations ops = new NetconfOperations(new MemorySession(op -> CompletableFuture.completedFuture(
            reply(new ReplyContent.Ok()))));
        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> ops.getSchema("m", Optional.empty(), Optional.empty()).get());
        assertInstanceOf(UnexpectedReplyException.class, failure.getCause());
    }

    private static RpcReply reply(final ReplyContent content) {
        return new RpcReply(Optional.of("1"), Map.of(), content);
    }

    private static XmlElement xml(final String text) {
        try {
            return XmlElement.of(SafeXml.of(XmlLimits.DEFAULT).parse(text.getBytes(StandardCharsets.UTF_8)));
        } catch (XmlParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A session that answers each rpc with a function of its operation and records the operations' names. */
    private static final class MemorySession implements NetconfSession {
        private final Function<XmlElement, CompletableFuture<RpcReply>> answer;
        private final List<String> sent = new ArrayList<>();
        private final CompletableFuture<NetconfSessionClosedException> closed = new CompletableFuture<>();

        MemorySession(final Function<XmlElement, CompletableFuture<RpcReply>> answer) {
            this.answer = answer;
        }

        List<String> sent() {
            return List.copyOf(sent);
        }

        @Override
        public long sessionId() {
            return 1;
        }

        @Override
        public Set<URI> serverCapabilities() {
            return Set.of(Capabilities.BASE_1_1);
        }

        @Override
        public URI framing() {
            return Capabilities.BASE_1_1;
        }

        @Override
        public boolean isOpen() {
            return !closed.isDone();
        }

        @Override
        public CompletableFuture<RpcReply> rpc(final XmlElement operation) {
            sent.add(operation.localName());
            return answer.apply(operation);
        }

        @Override
        public CompletableFuture<RpcReply> rpc(final XmlElement operation, final Duration timeout) {
            return rpc(operation);
        }

        @Override
        public CompletableFuture<RpcReply> rpc(final XmlElement operation, final DataReader<?> data) {
            // replies come as DOMs here: the operations read them as for any other reply
            return rpc(operation);
        }

        @Override
        public void addNotificationListener(final Consumer<Notification> listener) {
            // no notifications
        }

        @Override
        public void removeNotificationListener(final Consumer<Notification> listener) {
            // no notifications
        }

        @Override
        public CompletableFuture<NetconfSessionClosedException> closeFuture() {
            return closed.thenApply(reason -> reason);
        }

        @Override
        public void close() {
            closed.complete(new NetconfSessionClosedException("closed by the test", null));
        }
    }
}
