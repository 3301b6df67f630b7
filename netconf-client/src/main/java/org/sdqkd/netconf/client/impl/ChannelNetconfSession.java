package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.api.NetconfRpcException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.client.api.NetconfTimeoutException;
import org.sdqkd.netconf.protocol.api.ChunkedFraming;
import org.sdqkd.netconf.protocol.api.EndOfMessageFraming;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.ssh.qkd.SshQkd;
import org.sdqkd.ssh.qkd.api.QkdExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NETCONF session on one {@code netconf} subsystem channel, with MINA's asynchronous streams: one read is pending
 * at a time and the next is issued once the bytes of the last are framed; writes are queued and issued one at a
 * time (MINA allows one pending write), several queued messages in one buffer. Received bytes are framed where the
 * read completes and queued ({@link InboundMessages}) for the session's reader, a virtual thread that parses each
 * message while its bytes arrive (so the parse of a large reply overlaps its transfer), then completes the future
 * registered under the reply's message-id, or gives the notification to the listeners, in the order received.
 * Reading pauses while more than {@value #MAX_QUEUED} received bytes wait for the reader.
 */
final class ChannelNetconfSession implements NetconfSession {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelNetconfSession.class);
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    /** A read smaller than this is copied out of its buffer before it is queued, so it does not keep the buffer. */
    private static final int MIN_KEPT_READ = READ_BUFFER_SIZE / 4;
    private static final int MAX_QUEUED = 1024 * 1024;
    private static final int MAX_WRITE_BATCH = 256 * 1024;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final byte[] LINE_FEED = {'\n'};

    private final ClientSession ssh;
    private final ChannelSubsystem channel;
    private final IoOutputStream out;
    private final IoInputStream in;
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
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();

    private final Object writeLock = new Object();
    private final ArrayDeque<byte[]> writeQueue = new ArrayDeque<>();
    private boolean writing;

    // read side: touched only where reads complete, one at a time
    private Framing decoder;
    private volatile boolean skipWhitespace;
    /** The buffer of the last read, if its bytes were copied out: the next read may use it again. */
    private volatile ByteArrayBuffer spareBuffer;
    private final InboundMessages inbound = new InboundMessages(MAX_QUEUED);
    private volatile NetconfSessionClosedException inputEndReason;
    private volatile Thread reader;

    // set once by the hello exchange
    private volatile Framing encoder;
    private volatile Hello serverHello;
    private volatile NetconfSessionClosedException closeReason;
    private volatile ScheduledFuture<?> helloTimeout;

    private record Pending(String messageId, CompletableFuture<RpcReply> future, ScheduledFuture<?> timeout) {
    }

    ChannelNetconfSession(final ClientSession ssh, final ChannelSubsystem channel, final Executor workers,
            final ScheduledExecutorService timer, final MessageCodec codec, final Hello clientHello,
            final int maxMessageSize, final Duration defaultTimeout) {
        this.ssh = requireNonNull(ssh);
        this.channel = requireNonNull(channel);
        this.out = channel.getAsyncIn();
        this.in = channel.getAsyncOut();
        this.serial = new SerialExecutor(workers);
        this.timer = requireNonNull(timer);
        this.codec = requireNonNull(codec);
        this.clientHello = requireNonNull(clientHello);
        this.maxMessageSize = maxMessageSize;
        this.defaultTimeout = requireNonNull(defaultTimeout);
        this.peer = String.valueOf(ssh.getIoSession().getRemoteAddress());
        this.decoder = EndOfMessageFraming.of(maxMessageSize);
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
            send(EndOfMessageFraming.of(maxMessageSize).encode(codec.encode(clientHello)));
        } catch (FramingException e) {
            closeWith(new NetconfSessionClosedException("cannot frame the client hello", e));
        }
        readNext();
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
        final Pending entry = new Pending(messageId, future, timeoutTask);
        pending.put(messageId, entry);
        future.whenComplete((reply, failure) -> {
            pending.remove(messageId, entry);
            timeoutTask.cancel(false);
        });
        if (closing.get() && pending.remove(messageId, entry)) {
            // closed between the check and the registration: the close did not see this rpc
            future.completeExceptionally(closedReason());
            return future;
        }
        send(framed);
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

    // ---- reading ----

    private void readNext() {
        // a read that completes at once is handled in this loop, not by a listener called from within read(), so
        // that a fast stream does not nest one read in the next
        while (!closing.get()) {
            final IoReadFuture read;
            try {
                final ByteArrayBuffer spare = spareBuffer;
                spareBuffer = null;
                read = in.read(spare != null ? spare : new ByteArrayBuffer(READ_BUFFER_SIZE));
            } catch (RuntimeException e) {
                closeWith(new NetconfSessionClosedException("reading from " + peer + " failed", e));
                return;
            }
            if (!read.isDone()) {
                read.addListener(this::onRead);
                return;
            }
            if (!handle(read)) {
                return;
            }
        }
    }

    private void onRead(final IoReadFuture read) {
        if (handle(read)) {
            readNext();
        }
    }

    /** Frames what a read brought; true if the next read is to be issued now. */
    private boolean handle(final IoReadFuture read) {
        final Throwable failure = read.getException();
        if (failure != null) {
            inputEnded(failure);
            return false;
        }
        // each read has a buffer of its own, so the framing may queue ranges of it instead of copies
        final Buffer buffer = read.getBuffer();
        final int length = buffer.available();
        final byte[] bytes;
        final int offset;
        if (length < MIN_KEPT_READ) {
            bytes = new byte[length];
            buffer.getRawBytes(bytes);
            offset = 0;
            if (buffer instanceof ByteArrayBuffer reusable) {
                reusable.clear();
                spareBuffer = reusable;
            }
        } else {
            bytes = buffer.array();
            offset = buffer.rpos();
        }
        received(bytes, offset, offset + length);
        return inbound.roomFor(this::readNext);
    }

    private void inputEnded(final Throwable failure) {
        if (closing.get()) {
            return;
        }
        if (!(failure instanceof EOFException)) {
            closeWith(new NetconfSessionClosedException("reading from " + peer + " failed", failure));
            return;
        }
        NetconfSessionClosedException reason = new NetconfSessionClosedException(peer + " closed the session", null);
        try {
            decoder.endOfInput();
        } catch (FramingException e) {
            reason = new NetconfSessionClosedException(peer + " closed the session inside a message", e);
        }
        if (reader == null) {
            closeWith(reason);
        } else {
            // the reader handles the messages received whole before it closes the session
            inputEndReason = reason;
            inbound.endOfInput();
        }
    }

    private void received(final byte[] bytes, final int from, final int to) {
        if (closing.get()) {
            return;
        }
        int offset = from;
        try {
            if (serverHello == null) {
                // the hello comes with end-of-message framing; what follows it uses the negotiated framing, so
                // feed it byte by byte to find where it ends (it is small and read once)
                while (offset < to && serverHello == null) {
                    final List<byte[]> messages = decoder.decode(bytes, offset++, 1);
                    if (!messages.isEmpty() && !onHello(messages.getFirst())) {
                        return;
                    }
                }
            }
            if (skipWhitespace) {
                // tolerate stray whitespace between the hello and the first chunk (some servers send a newline
                // after their hello): skip it, then give the chunk header back its leading line feed
                while (offset < to && isWhitespace(bytes[offset])) {
                    offset++;
                }
                if (offset < to) {
                    skipWhitespace = false;
                    if (bytes[offset] == '#') {
                        decoder.decode(LINE_FEED, 0, 1, inbound);
                    }
                }
            }
            if (offset < to) {
                decoder.decode(bytes, offset, to - offset, inbound);
            }
        } catch (FramingException e) {
            closeWith(new NetconfSessionClosedException("malformed framing from " + peer + ": " + e.getMessage(), e));
        }
    }

    private boolean onHello(final byte[] bytes) {
        final Hello hello;
        try {
            if (!(codec.decode(bytes) instanceof Hello received)) {
                closeWith(new NetconfSessionClosedException(peer + " did not begin with a hello", null));
                return false;
            }
            hello = received;
        } catch (MessageException e) {
            closeWith(new NetconfSessionClosedException("malformed hello from " + peer + ": " + e.getMessage(), e));
            return false;
        }
        if (hello.sessionId().isEmpty()) {
            closeWith(new NetconfSessionClosedException("the hello from " + peer + " has no session-id", null));
            return false;
        }
        try {
            decoder = clientHello.negotiateFraming(hello, maxMessageSize);
            encoder = clientHello.negotiateFraming(hello, maxMessageSize);
        } catch (MessageException e) {
            closeWith(new NetconfSessionClosedException(e.getMessage(), e));
            return false;
        }
        skipWhitespace = decoder instanceof ChunkedFraming;
        serverHello = hello;
        reader = Thread.ofVirtual().name("netconf-client-reader-" + hello.sessionId().getAsLong())
            .start(this::readMessages);
        final ScheduledFuture<?> timeout = helloTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        LOG.debug("session {} at {}: hello exchanged, {}", hello.sessionId().getAsLong(), peer,
            encoder.baseCapability());
        // off the I/O thread: whoever waits for the session may go on with blocking work
        serial.execute(() -> helloDone.complete(this));
        return true;
    }

    /** The reader thread: parses each message while it arrives and handles it, until the input ends or a failure. */
    private void readMessages() {
        final byte[] rest = new byte[256];
        try {
            for (InputStream message = inbound.nextMessage(); message != null; message = inbound.nextMessage()) {
                final NetconfMessage decoded;
                try {
                    decoded = codec.decode(message);
                    while (message.read(rest) >= 0) {
                        // a document ends at its end tag; whatever might follow it is read to the message's end
                    }
                } catch (MessageException e) {
                    closeWith(new NetconfSessionClosedException("malformed message from " + peer + ": "
                        + e.getMessage(), e));
                    return;
                } catch (IOException e) {
                    // the queue was closed (the session is closing) or the input ended inside this message
                    break;
                }
                if (!onMessage(decoded)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        final NetconfSessionClosedException reason = inputEndReason;
        closeWith(reason != null ? reason
            : new NetconfSessionClosedException("the reader of the session with " + peer + " stopped", null));
    }

    private boolean onMessage(final NetconfMessage message) {
        switch (message) {
            case RpcReply reply -> onReply(reply);
            case Notification notification -> {
                for (Consumer<Notification> listener : listeners) {
                    try {
                        listener.accept(notification);
                    } catch (RuntimeException e) {
                        LOG.warn("session {}: a notification listener failed", sessionIdOrZero(), e);
                    }
                }
            }
            case Hello hello -> {
                closeWith(new NetconfSessionClosedException(peer + " sent a second hello", null));
                return false;
            }
            case Rpc rpc -> {
                closeWith(new NetconfSessionClosedException(peer + " sent an rpc to the client", null));
                return false;
            }
        }
        return true;
    }

    private void onReply(final RpcReply reply) {
        final Pending entry = reply.messageId().map(pending::remove).orElse(null);
        if (entry == null) {
            LOG.warn("session {} at {}: dropping a reply with unknown message-id {}", sessionIdOrZero(), peer,
                reply.messageId().orElse("(none)"));
            return;
        }
        if (reply.content() instanceof ReplyContent.Errors errors
                && errors.errors().stream().anyMatch(error -> error.severity() == ErrorSeverity.ERROR)) {
            entry.future().completeExceptionally(new NetconfRpcException(errors.errors()));
        } else {
            entry.future().complete(reply);
        }
    }

    private void timeOut(final String messageId, final Duration timeout) {
        final Pending entry = pending.remove(messageId);
        if (entry != null) {
            serial.execute(() -> entry.future().completeExceptionally(
                new NetconfTimeoutException("rpc " + messageId + " to " + peer, timeout)));
        }
    }

    private static boolean isWhitespace(final byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    // ---- writing ----

    private void send(final byte[] framed) {
        synchronized (writeLock) {
            writeQueue.add(framed);
            if (writing) {
                return;
            }
            writing = true;
        }
        writeQueued();
    }

    private void writeQueued() {
        while (true) {
            final byte[] batch;
            synchronized (writeLock) {
                if (writeQueue.isEmpty() || closing.get()) {
                    writing = false;
                    return;
                }
                batch = takeBatch();
            }
            final IoWriteFuture write;
            try {
                write = out.writeBuffer(new ByteArrayBuffer(batch));
            } catch (IOException | RuntimeException e) {
                synchronized (writeLock) {
                    writing = false;
                }
                serial.execute(() -> closeWith(new NetconfSessionClosedException("writing to " + peer + " failed",
                    e)));
                return;
            }
            if (!write.isDone()) {
                write.addListener(this::onWritten);
                return;
            }
            if (!write.isWritten()) {
                onWritten(write);
                return;
            }
        }
    }

    private byte[] takeBatch() {
        final byte[] first = writeQueue.poll();
        if (writeQueue.isEmpty() || first.length >= MAX_WRITE_BATCH) {
            return first;
        }
        int size = first.length;
        int count = 1;
        for (byte[] next : writeQueue) {
            if (size + next.length > MAX_WRITE_BATCH) {
                break;
            }
            size += next.length;
            count++;
        }
        final byte[] batch = new byte[size];
        System.arraycopy(first, 0, batch, 0, first.length);
        int position = first.length;
        for (int i = 1; i < count; i++) {
            final byte[] next = writeQueue.poll();
            System.arraycopy(next, 0, batch, position, next.length);
            position += next.length;
        }
        return batch;
    }

    private void onWritten(final IoWriteFuture write) {
        if (write.isWritten()) {
            writeQueued();
            return;
        }
        synchronized (writeLock) {
            writing = false;
        }
        final Throwable failure = write.getException();
        serial.execute(() -> closeWith(new NetconfSessionClosedException("writing to " + peer + " failed", failure)));
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
        final List<Pending> outstanding = List.copyOf(pending.values());
        pending.clear();
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
