package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.MessageCodec;
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
 * One NETCONF session of the agent (RFC 6241 section 8.1, RFC 6242 section 4) on its transport: after the
 * {@link HelloExchange}, serves {@code rpc}s in the framing the hellos chose until {@code close-session},
 * {@code kill-session}, end of input or a framing error. Replies and notifications are written whole, one at a time,
 * and counted in the session's {@link Counters}. (Not MINA's {@code org.apache.sshd.server.session.ServerSession},
 * which is the SSH connection this session's channel belongs to.)
 */
final class AgentSession {
    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);

    private final TransportSession transport;
    private final SessionInfo info;
    private final SessionId id;
    private final MessageCodec codec;
    private final Counters counters;
    private final SessionLifecycle lifecycle = new SessionLifecycle();
    private final Object writeLock = new Object();
    private Framing output;
    private volatile boolean closing;
    private volatile String terminationReason = "dropped";
    private volatile Long killedBy;

    AgentSession(final TransportSession transport, final MessageCodec codec, final Counters counters) {
        this.transport = requireNonNull(transport);
        this.codec = requireNonNull(codec);
        this.counters = requireNonNull(counters);
        this.info = transport.info();
        this.id = new SessionId(info.sessionId(), info.user());
    }

    SessionId id() {
        return id;
    }

    SessionInfo info() {
        return info;
    }

    /** The session's RFC 6022 counters. */
    Counters counters() {
        return counters;
    }

    Instant loginTime() {
        return info.loginTime();
    }

    /** Where the session is in its life; the agent ends it through this. */
    SessionLifecycle lifecycle() {
        return lifecycle;
    }

    /** Asks the session to end after the current reply (close-session). */
    void requestClose() {
        terminationReason = "closed";
        closing = true;
    }

    /** Ends the session now, as the agent stops or the hello timeout passes. */
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

    /** Sends the server's hello in the framing of hellos. */
    void sendHello(final Hello hello, final Framing helloFraming) throws IOException {
        synchronized (writeLock) {
            output = helloFraming;
            write(hello);
        }
    }

    /**
     * Serves requests until the session ends.
     *
     * @param framings   the framings the hellos chose
     * @param reader     the session's input, just after the client's hello
     * @param dispatcher the operations
     * @throws IOException      when the input cannot be read
     * @throws FramingException when the input is not framed right; the caller reports it with {@link #failed}
     */
    void serve(final HelloExchange.Framings framings, final MessageReader reader, final RpcDispatcher dispatcher)
            throws IOException, FramingException {
        synchronized (writeLock) {
            output = framings.output();
        }
        final Framing input = framings.input();
        while (!closing) {
            final Optional<List<byte[]>> messages = reader.next(input);
            if (messages.isEmpty()) {
                break;
            }
            for (byte[] message : messages.orElseThrow()) {
                // nothing runs once the session has ended: what it does must not outlive its release
                if (!lifecycle.beginDispatch()) {
                    return;
                }
                try {
                    reply(handle(message, dispatcher));
                } finally {
                    lifecycle.endDispatch();
                }
                if (closing) {
                    return;
                }
            }
        }
        if (!closing) {
            input.endOfInput();
        }
    }

    /** Reports a framing error to the client (RFC 6242 section 4: the session then closes). */
    void failed(final FramingException error) {
        LOG.info("session {}: framing error, closing: {}", info.sessionId(), error.getMessage());
        reply(new RpcReply(Optional.empty(), Map.of(), new ReplyContent.Errors(List.of(error.error()))));
    }

    private RpcReply handle(final byte[] message, final RpcDispatcher dispatcher) {
        try {
            return switch (codec.decode(message)) {
                case Rpc rpc -> {
                    counters.rpc();
                    yield dispatcher.dispatch(rpc, this);
                }
                case Hello hello -> unexpected("hello");
                case RpcReply reply -> unexpected("rpc-reply");
                case Notification notification -> unexpected("notification");
            };
        } catch (MessageException e) {
            return RpcReply.failure(e);
        }
    }

    private static RpcReply unexpected(final String name) {
        return new RpcReply(Optional.empty(), Map.of(), new ReplyContent.Errors(List.of(
            RpcError.of(ErrorType.RPC, ErrorTag.UNKNOWN_ELEMENT, "not an rpc: " + name)
                .withInfo(ErrorInfo.badElement(name)))));
    }

    private void reply(final RpcReply reply) {
        if (reply.content() instanceof ReplyContent.Errors errors) {
            if (reply.messageId().isEmpty() || errors.errors().stream().anyMatch(e -> e.type() == ErrorType.RPC)) {
                counters.badRpc();
            }
            counters.rpcError();
        }
        send(reply);
    }

    /** Sends a notification, unless the session has ended. */
    void sendNotification(final Notification notification) {
        counters.notification();
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
            codec.encode(message, framed);
            framed.close();
        } else {
            try {
                out.write(output.encode(codec.encode(message)));
            } catch (FramingException e) {
                throw new IOException("cannot frame a message", e);
            }
        }
        out.flush();
    }
}
