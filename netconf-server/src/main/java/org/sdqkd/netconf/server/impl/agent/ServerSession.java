package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.netconf.protocol.api.EndOfMessageFraming;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.netconf.server.api.TransportSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One NETCONF session (RFC 6241 section 8.1, RFC 6242 section 4): sends the server's {@code hello}, reads the
 * client's in end-of-message framing, then serves {@code rpc}s in the framing the hellos chose until
 * {@code close-session}, {@code kill-session}, end of input or a framing error. Replies and notifications are
 * written whole, one at a time.
 */
final class ServerSession {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final AgentCore core;
    private final TransportSession transport;
    private final SessionInfo info;
    private final SessionId id;
    private final Object writeLock = new Object();
    private final AtomicLong inRpcs = new AtomicLong();
    private final AtomicLong inBadRpcs = new AtomicLong();
    private final AtomicLong outRpcErrors = new AtomicLong();
    private final AtomicLong outNotifications = new AtomicLong();
    private Framing output;
    private volatile boolean closing;
    private volatile String terminationReason = "dropped";
    private volatile Long killedBy;
    /** Guards started, dispatching, ended and pendingRelease: an operation and the session's release never overlap. */
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean dispatching;
    private boolean ended;
    private Runnable pendingRelease;
    private final CompletableFuture<Void> released = new CompletableFuture<>();

    ServerSession(final AgentCore core, final TransportSession transport) {
        this.core = requireNonNull(core);
        this.transport = requireNonNull(transport);
        this.info = transport.info();
        this.id = new SessionId(info.sessionId(), info.user());
    }

    SessionId id() {
        return id;
    }

    SessionInfo info() {
        return info;
    }

    long inRpcs() {
        return inRpcs.get();
    }

    long inBadRpcs() {
        return inBadRpcs.get();
    }

    long outRpcErrors() {
        return outRpcErrors.get();
    }

    long outNotifications() {
        return outNotifications.get();
    }

    Instant loginTime() {
        return info.loginTime();
    }

    /** Asks the session to end after the current reply (close-session). */
    void requestClose() {
        terminationReason = "closed";
        closing = true;
    }

    /** Ends the session now, as the agent stops. */
    void kill() {
        closing = true;
        transport.close();
    }

    /** Ends the session now (kill-session): its transport closes, its reader sees end of input. */
    void killBy(final long killer) {
        terminationReason = "killed";
        killedBy = killer;
        kill();
    }

    /** Whether the session ended by close-session or kill-session rather than by a drop. */
    boolean endedByRequest() {
        return !"dropped".equals(terminationReason);
    }

    /** The RFC 6470 termination-reason. */
    String terminationReason() {
        return terminationReason;
    }

    Optional<Long> killedBy() {
        return Optional.ofNullable(killedBy);
    }

    /** Marks the hellos exchanged; false if the session has ended already. */
    boolean markStarted() {
        synchronized (lifecycle) {
            if (!ended) {
                started = true;
            }
            return started;
        }
    }

    /** Whether the hellos were exchanged (the session is listed in netconf-state and may be killed). */
    boolean started() {
        synchronized (lifecycle) {
            return started;
        }
    }

    /**
     * Ends the session for the agent: no operation starts after this, and {@code release} runs once, now or, if an
     * operation is running, right after it on the session's thread. Only the first call has an effect.
     */
    void end(final Runnable release) {
        synchronized (lifecycle) {
            if (ended) {
                return;
            }
            ended = true;
            if (dispatching) {
                pendingRelease = release;
                return;
            }
        }
        runRelease(release);
    }

    private boolean ended() {
        synchronized (lifecycle) {
            return ended;
        }
    }

    private void runRelease(final Runnable release) {
        try {
            release.run();
        } finally {
            released.complete(null);
        }
    }

    /** Waits until the release has run, or until {@code waiter} has ended itself, at most 30 seconds. */
    void awaitReleased(final ServerSession waiter) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!released.isDone() && !waiter.ended() && System.nanoTime() < deadline) {
            try {
                released.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look again whether the waiter was ended meanwhile
            } catch (ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean beginDispatch() {
        synchronized (lifecycle) {
            if (ended) {
                return false;
            }
            dispatching = true;
            return true;
        }
    }

    private void endDispatch() {
        final Runnable release;
        synchronized (lifecycle) {
            dispatching = false;
            release = pendingRelease;
            pendingRelease = null;
        }
        if (release != null) {
            runRelease(release);
        }
    }

    /** Runs the session until it ends. */
    void run() throws IOException {
        final Hello serverHello = Hello.server(info.sessionId(), core.capabilities());
        synchronized (writeLock) {
            output = EndOfMessageFraming.of(core.maxMessageBytes());
            write(serverHello);
        }
        final InputStream in = transport.input();
        final byte[] buffer = new byte[BUFFER_SIZE];
        final ScheduledFuture<?> helloTimeout = core.afterHelloTimeout(() -> {
            LOG.info("session {}: no hello in time, closing", info.sessionId());
            core.statistics().badHello();
            transport.close();
        });
        final Framing helloFraming = EndOfMessageFraming.of(core.maxMessageBytes());
        try {
            int length = 0;
            int used = 0;
            byte[] clientHello = null;
            // the hello is decoded byte by byte, so that what follows it is left for the negotiated framing
            while (clientHello == null) {
                if (used == length) {
                    length = in.read(buffer);
                    used = 0;
                    if (length < 0) {
                        helloTimeout.cancel(false);
                        return;
                    }
                    continue;
                }
                final List<byte[]> messages = helloFraming.decode(buffer, used++, 1);
                if (!messages.isEmpty()) {
                    clientHello = messages.getFirst();
                }
            }
            helloTimeout.cancel(false);
            final Optional<Framing> negotiated = negotiate(serverHello, clientHello);
            if (negotiated.isEmpty()) {
                core.statistics().badHello();
                return;
            }
            final Framing input = negotiated.orElseThrow();
            synchronized (writeLock) {
                output = serverHello.negotiateFraming(decodeHello(clientHello).orElseThrow(), core.maxMessageBytes());
            }
            core.sessionStarted(this);
            serve(input, in, buffer, used, length);
        } catch (FramingException e) {
            LOG.info("session {}: framing error, closing: {}", info.sessionId(), e.getMessage());
            reply(new RpcReply(Optional.empty(), Map.of(), new ReplyContent.Errors(List.of(e.error()))));
        } catch (MessageException e) {
            LOG.info("session {}: bad hello, closing: {}", info.sessionId(), e.getMessage());
        }
    }

    private Optional<Framing> negotiate(final Hello serverHello, final byte[] message) {
        try {
            final Optional<Hello> clientHello = decodeHello(message);
            if (clientHello.isEmpty()) {
                LOG.info("session {}: the first message is not a hello, closing", info.sessionId());
                return Optional.empty();
            }
            if (clientHello.orElseThrow().sessionId().isPresent()) {
                // RFC 6241 section 8.1: a client hello with a session-id is refused
                LOG.info("session {}: the client's hello carries a session-id, closing", info.sessionId());
                return Optional.empty();
            }
            return Optional.of(serverHello.negotiateFraming(clientHello.orElseThrow(), core.maxMessageBytes()));
        } catch (MessageException e) {
            LOG.info("session {}: bad hello, closing: {}", info.sessionId(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Hello> decodeHello(final byte[] message) throws MessageException {
        return core.codec().decode(message) instanceof Hello hello ? Optional.of(hello) : Optional.empty();
    }

    private void serve(final Framing framing, final InputStream in, final byte[] buffer, final int offset,
            final int length) throws IOException, FramingException {
        int start = offset;
        int end = length;
        while (end >= 0 && !closing) {
            for (byte[] message : framing.decode(buffer, start, end - start)) {
                // nothing runs once the session has ended: what it does must not outlive its release
                if (!beginDispatch()) {
                    return;
                }
                try {
                    reply(handle(message));
                } finally {
                    endDispatch();
                }
                if (closing) {
                    return;
                }
            }
            start = 0;
            end = in.read(buffer);
        }
        if (!closing) {
            framing.endOfInput();
        }
    }

    private RpcReply handle(final byte[] message) {
        try {
            return switch (core.codec().decode(message)) {
                case Rpc rpc -> {
                    inRpcs.incrementAndGet();
                    core.statistics().rpc();
                    yield core.operations().dispatch(rpc, this);
                }
                case Hello hello -> unexpected("hello");
                case RpcReply reply -> unexpected("rpc-reply");
                case Notification notification -> unexpected("notification");
            };
        } catch (MessageException e) {
            return RpcReply.failure(e);
        }
    }

    private RpcReply unexpected(final String name) {
        return new RpcReply(Optional.empty(), Map.of(), new ReplyContent.Errors(List.of(
            RpcError.of(ErrorType.RPC, ErrorTag.UNKNOWN_ELEMENT, "not an rpc: " + name)
                .withInfo(ErrorInfo.badElement(name)))));
    }

    private void reply(final RpcReply reply) {
        if (reply.content() instanceof ReplyContent.Errors errors) {
            if (reply.messageId().isEmpty() || errors.errors().stream().anyMatch(e -> e.type() == ErrorType.RPC)) {
                inBadRpcs.incrementAndGet();
                core.statistics().badRpc();
            }
            outRpcErrors.incrementAndGet();
            core.statistics().rpcError();
        }
        send(reply);
    }

    /** Sends a notification, unless the session has ended. */
    void sendNotification(final Notification notification) {
        outNotifications.incrementAndGet();
        core.statistics().notification();
        send(notification);
    }

    private void send(final NetconfMessage message) {
        synchronized (writeLock) {
            try {
                write(message);
            } catch (IOException e) {
                LOG.debug("session {}: cannot write, the session has ended", info.sessionId(), e);
                closing = true;
            }
        }
    }

    private void write(final NetconfMessage message) throws IOException {
        final OutputStream out = transport.output();
        if (message instanceof RpcReply reply && reply.content() instanceof ReplyContent.StreamedData) {
            // written as it is produced, framed on the way: no document and no byte copy of the whole reply; the
            // message is only ended when written whole, a failure part-way ends the session
            final OutputStream framed = output.newMessage(out);
            core.codec().encode(message, framed);
            framed.close();
        } else {
            try {
                out.write(output.encode(core.codec().encode(message)));
            } catch (FramingException e) {
                throw new IOException("cannot frame a message", e);
            }
        }
        out.flush();
    }
}
