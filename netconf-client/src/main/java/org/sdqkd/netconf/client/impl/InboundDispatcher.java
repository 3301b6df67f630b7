package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.client.api.UnexpectedReplyException;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.DataReaderException;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a session's reader thread: parses each message while its bytes arrive ({@link InboundMessages}), with
 * the data reader of the rpc it answers if there is one, then completes that rpc or gives the notification to the
 * listeners, in the order received, until the input ends or the session closes. A message that is not well-formed,
 * a second hello or an rpc from the server closes the session; a data reader's refusal fails only its rpc.
 */
final class InboundDispatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);

    private final InboundMessages inbound;
    private final MessageCodec codec;
    private final PendingRpcs pending;
    private final List<Consumer<Notification>> listeners;
    private final Consumer<NetconfSessionClosedException> close;
    private final Supplier<NetconfSessionClosedException> endReason;
    private final String session;

    /**
     * The reader of one session.
     *
     * @param inbound   the messages' bytes
     * @param codec     the parser
     * @param pending   the rpcs waiting for replies
     * @param listeners the notification listeners (a concurrent list)
     * @param close     closes the session
     * @param endReason why the input ended, once it has (or null)
     * @param session   the session and its peer, for messages
     */
    InboundDispatcher(final InboundMessages inbound, final MessageCodec codec, final PendingRpcs pending,
            final List<Consumer<Notification>> listeners, final Consumer<NetconfSessionClosedException> close,
            final Supplier<NetconfSessionClosedException> endReason, final String session) {
        this.inbound = requireNonNull(inbound);
        this.codec = requireNonNull(codec);
        this.pending = requireNonNull(pending);
        this.listeners = requireNonNull(listeners);
        this.close = requireNonNull(close);
        this.endReason = requireNonNull(endReason);
        this.session = requireNonNull(session);
    }

    @Override
    public void run() {
        final byte[] rest = new byte[256];
        try {
            for (InputStream message = inbound.nextMessage(); message != null; message = inbound.nextMessage()) {
                NetconfMessage decoded = null;
                try {
                    decoded = codec.decode(message, pending::readerFor);
                } catch (DataReaderException e) {
                    pending.fail(e.messageId(), new UnexpectedReplyException("the data of the reply to rpc "
                        + e.messageId() + " was refused by its reader: " + e.getCause(), e.getCause()));
                } catch (MessageException e) {
                    close.accept(new NetconfSessionClosedException("malformed message from " + session + ": "
                        + e.getMessage(), e));
                    return;
                }
                while (message.read(rest) >= 0) {
                    // a document ends at its end tag; whatever might follow it is read to the message's end
                }
                if (decoded != null && !handle(decoded)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the queue was closed (the session is closing) or the input ended inside a message
            LOG.trace("{}: the reader stops: {}", session, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        final NetconfSessionClosedException reason = endReason.get();
        close.accept(reason != null ? reason
            : new NetconfSessionClosedException("the reader of the session with " + session + " stopped", null));
    }

    private boolean handle(final NetconfMessage message) {
        switch (message) {
            case RpcReply reply -> {
                if (!pending.complete(reply)) {
                    LOG.warn("{}: dropping a reply with unknown message-id {}", session,
                        reply.messageId().orElse("(none)"));
                }
            }
            case Notification notification -> {
                for (Consumer<Notification> listener : listeners) {
                    try {
                        listener.accept(notification);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: a notification listener failed", session, e);
                    }
                }
            }
            case Hello hello -> {
                close.accept(new NetconfSessionClosedException(session + " sent a second hello", null));
                return false;
            }
            case Rpc rpc -> {
                close.accept(new NetconfSessionClosedException(session + " sent an rpc to the client", null));
                return false;
            }
        }
        return true;
    }
}
