package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.client.api.NetconfTimeoutException;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.EndOfMessageFraming;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.ssh.qkd.SshQkd;
import org.sdqkd.ssh.qkd.api.QkdExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NETCONF session on one {@code netconf} subsystem channel, with MINA's asynchronous streams: the hello exchange,
 * rpcs and their timeouts, notification listeners and the close. Its parts: {@link ChannelWriter} (the write queue),
 * {@link ChannelReader} (the reads and the framing, where reads complete), {@link InboundDispatcher} (the session's
 * reader, a virtual thread that parses each message while its bytes arrive and completes the rpc it answers) and
 * {@link PendingRpcs}. Reading pauses while more than {@value #MAX_QUEUED} received bytes wait for the reader.
 */
final class ChannelNetconfSession implements NetconfSession, ChannelReader.Events {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelNetconfSession.class);
    private static final int MAX_QUEUED = 1024 * 1024;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final ClientSession ssh;
    private final ChannelSubsystem channel;
    private final Executor serial;
    private final ScheduledExecutorService timer;
    private final MessageCodec codec;
    private final Hello clientHello;
    private final int maxMessageSize;
    private final Duration defaultTimeout;
    private final String peer;

    private final CompletableFuture<NetconfSession> helloDone = new CompletableFuture<>();
    private final CompletableFuture<NetconfSessionClosedException> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final PendingRpcs pending = new PendingRpcs();
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();
    private final InboundMessages inbound = new InboundMessages(MAX_QUEUED);
    private final ChannelWriter writer;
    private final ChannelReader reader;

    // set once by the hello exchange
    private volatile Framing encoder;
    private volatile Hello serverHello;
    private volatile Thread readerThread;
    private volatile NetconfSessionClosedException inputEndReason;
    private volatile NetconfSessionClosedException closeReason;
    private volatile ScheduledFuture<?> helloTimeout;

    ChannelNetconfSession(final ClientSession ssh, final ChannelSubsystem channel, final Executor workers,
            final ScheduledExecutorService timer, final MessageCodec codec, final Hello clientHello,
            final int maxMessageSize, final Duration defaultTimeout) {
        this.ssh = requireNonNull(ssh);
        this.channel = requireNonNull(channel);
        this.serial = new SerialExecutor(workers);
        this.timer = requireNonNull(timer);
        this.codec = requireNonNull(codec);
        this.clientHello = requireNonNull(clientHello);
        this.maxMessageSize = maxMessageSize;
        this.defaultTimeout = requireNonNull(defaultTimeout);
        this.peer = String.valueOf(ssh.getIoSession().getRemoteAddress());
        this.writer = new ChannelWriter(channel.getAsyncIn(), closing::get, failure -> serial.execute(
            () -> closeWith(new NetconfSessionClosedException("writing to " + peer + " failed", failure))));
        this.reader = new ChannelReader(channel.getAsyncOut(), inbound, EndOfMessageFraming.of(maxMessageSize), this,
            peer);
    }

    /**
     * Sends the client's hello and starts reading; the future completes once the server's hello is read.
     */
    CompletableFuture<NetconfSession> start(final Duration helloWait) {
        helloTimeout = timer.schedule(() -> closeWith(new NetconfSessionClosedException(
            "no hello from " + peer + " within " + helloWait.toMillis() + " ms",
            new NetconfTimeoutException("hello", helloWait))), helloWait.toNanos(), TimeUnit.NANOSECONDS);
        // the read loop normally sees the end first (after the last bytes); this is the safety net
        channel.addCloseFutureListener(future -> {
            try {
                timer.schedule(() -> closeWith(new NetconfSessionClosedException("the channel to " + peer
                    + " closed", null)), CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                closeWith(new NetconfSessionClosedException("the channel to " + peer + " closed", e));
            }
        });
        try {
            writer.send(EndOfMessageFraming.of(maxMessageSize).encode(codec.encode(clientHello)));
        } catch (FramingException e) {
            closeWith(new NetconfSessionClosedException("cannot frame the client hello", e));
        }
        reader.readNext();
        return helloDone;
    }

    @Override
    public long sessionId() {
        return hello().sessionId().orElseThrow();
    }

    @Override
    public Set<URI> serverCapabilities() {
        return hello().capabilities();
    }

    @Override
    public URI framing() {
        return requireNonNull(encoder, "hello exchange not finished").baseCapability();
    }

    @Override
    public Optional<String> keyExchangeMethod() {
        return Optional.ofNullable(ssh.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS));
    }

    @Override
    public Optional<QkdExchange> qkdExchange() {
        return SshQkd.lastExchange(ssh);
    }

    @Override
    public boolean isOpen() {
        return !closing.get();
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation) {
        return rpc(operation, defaultTimeout);
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation, final Duration timeout) {
        return send(operation, timeout, Optional.empty());
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation, final DataReader<?> data) {
        return send(operation, defaultTimeout, Optional.of(data));
    }

    private CompletableFuture<RpcReply> send(final XmlElement operation, final Duration timeout,
            final Optional<DataReader<?>> data) {
        requireNonNull(operation);
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("timeout not positive: " + timeout);
        }
        final Framing framing = encoder;
        if (framing == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("hello exchange not finished"));
        }
        if (closing.get()) {
            return CompletableFuture.failedFuture(closedReason());
        }
        final String messageId = Long.toString(nextMessageId.getAndIncrement());
        final byte[] framed;
        try {
            framed = framing.encode(codec.encode(new Rpc(messageId, Map.of(), operation)));
        } catch (FramingException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                "the rpc cannot be sent with end-of-message framing: " + e.getMessage(), e));
        }
        final CompletableFuture<RpcReply> future = new CompletableFuture<>();
        final ScheduledFuture<?> timeoutTask;
        try {
            timeoutTask = timer.schedule(() -> timeOut(messageId, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the client is closing
            return CompletableFuture.failedFuture(closedReason());
        }
        final PendingRpcs.Pending entry = new PendingRpcs.Pending(messageId, future, timeoutTask, data);
        pending.add(entry);
        if (closing.get() && pending.remove(entry)) {
            // closed between the check and the registration: the close did not see this rpc
            future.completeExceptionally(closedReason());
            return future;
        }
        writer.send(framed);
        return future;
    }

    @Override
    public void addNotificationListener(final Consumer<Notification> listener) {
        listeners.add(requireNonNull(listener));
    }

    @Override
    public void removeNotificationListener(final Consumer<Notification> listener) {
        listeners.remove(listener);
    }

    @Override
    public CompletableFuture<NetconfSessionClosedException> closeFuture() {
        return closed.thenApply(reason -> reason);
    }

    @Override
    public void close() {
        closeWith(new NetconfSessionClosedException("the session was closed by the client", null));
    }

    @Override
    public String toString() {
        return "NetconfSession[" + sessionIdOrZero() + " at " + peer + (isOpen() ? "" : ", closed") + "]";
    }

    // ---- what the reads tell ----

    @Override
    public Optional<Framing> hello(final byte[] bytes) {
        final Hello hello;
        try {
            if (!(codec.decode(bytes) instanceof Hello received)) {
                closeWith(new NetconfSessionClosedException(peer + " did not begin with a hello", null));
                return Optional.empty();
            }
            hello = received;
        } catch (MessageException e) {
            closeWith(new NetconfSessionClosedException("malformed hello from " + peer + ": " + e.getMessage(), e));
            return Optional.empty();
        }
        if (hello.sessionId().isEmpty()) {
            closeWith(new NetconfSessionClosedException("the hello from " + peer + " has no session-id", null));
            return Optional.empty();
        }
        final Framing decoder;
        try {
            decoder = clientHello.negotiateFraming(hello, maxMessageSize);
            encoder = clientHello.negotiateFraming(hello, maxMessageSize);
        } catch (MessageException e) {
            closeWith(new NetconfSessionClosedException(e.getMessage(), e));
            return Optional.empty();
        }
        serverHello = hello;
        final long id = hello.sessionId().getAsLong();
        readerThread = Thread.ofVirtual().name("netconf-client-reader-" + id).start(new InboundDispatcher(inbound,
            codec, pending, listeners, this::closeWith, () -> inputEndReason, "session " + id + " at " + peer));
        final ScheduledFuture<?> timeout = helloTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        LOG.debug("session {} at {}: hello exchanged, {}", id, peer, encoder.baseCapability());
        // off the I/O thread: whoever waits for the session may go on with blocking work
        serial.execute(() -> helloDone.complete(this));
        return Optional.of(decoder);
    }

    @Override
    public void ended(final NetconfSessionClosedException reason) {
        if (readerThread == null) {
            closeWith(reason);
        } else {
            // the reader handles the messages received whole before it closes the session
            inputEndReason = reason;
            inbound.endOfInput();
        }
    }

    @Override
    public void failed(final NetconfSessionClosedException reason) {
        closeWith(reason);
    }

    @Override
    public boolean closing() {
        return closing.get();
    }

    private void timeOut(final String messageId, final Duration timeout) {
        pending.take(messageId).ifPresent(entry -> serial.execute(() -> entry.future().completeExceptionally(
            new NetconfTimeoutException("rpc " + messageId + " to " + peer, timeout))));
    }

    // ---- closing ----

    void closeWith(final NetconfSessionClosedException reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeReason = reason;
        if (reason.getCause() == null) {
            LOG.debug("session {}: {}", sessionIdOrZero(), reason.getMessage());
        } else {
            LOG.info("session {}: {}", sessionIdOrZero(), reason.getMessage());
        }
        final ScheduledFuture<?> timeout = helloTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        final List<PendingRpcs.Pending> outstanding = pending.takeAll();
        inbound.close(new IOException(reason.getMessage()));
        serial.execute(() -> {
            if (!helloDone.isDone()) {
                helloDone.completeExceptionally(new NetconfConnectException(reason.getMessage(), reason));
            }
            outstanding.forEach(entry -> entry.future().completeExceptionally(reason));
            closed.complete(reason);
        });
        ssh.close(true);
    }

    private NetconfSessionClosedException closedReason() {
        final NetconfSessionClosedException reason = closeReason;
        return new NetconfSessionClosedException("session " + sessionIdOrZero() + " is closed: "
            + (reason == null ? "closing" : reason.getMessage()), reason);
    }

    private Hello hello() {
        return requireNonNull(serverHello, "hello exchange not finished");
    }

    private long sessionIdOrZero() {
        final Hello hello = serverHello;
        return hello == null ? 0 : hello.sessionId().orElse(0);
    }
}
