package org.sdqkd.qkd.node.impl.keys;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.impl.link.LinkSession;
import org.sdqkd.qkd.node.api.KeyDeliveryException;

/**
 * The RESERVE requests of one link waiting for their replies: each has a number, the reader thread completes it,
 * and a request waits at most {@value #TIMEOUT_MS} ms.
 */
final class ReserveCalls {
    /** How long a reservation waits for the peer's reply. */
    static final long TIMEOUT_MS = 5_000;

    private final Map<Long, CompletableFuture<Frame.ReserveReply>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    /** A new request number. */
    long nextId() {
        return next.incrementAndGet();
    }

    /**
     * Sends a request and waits for the reply.
     *
     * @param session the channel
     * @param reserve the request
     * @return the reply
     * @throws KeyDeliveryException 503 when the channel fails or closes, or no reply comes in time (then the
     *                              channel is closed, so that both ends resynchronise)
     */
    Frame.ReserveReply call(final LinkSession session, final Frame.Reserve reserve) throws KeyDeliveryException {
        final CompletableFuture<Frame.ReserveReply> reply = new CompletableFuture<>();
        waiting.put(reserve.requestId(), reply);
        try {
            session.send(reserve);
            return reply.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException e) {
            throw unavailable("the connection to the peer node was lost");
        } catch (TimeoutException e) {
            session.close();
            throw unavailable("the peer node did not answer within 5 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        } finally {
            waiting.remove(reserve.requestId());
        }
    }

    /** A reply arrived. */
    void answered(final Frame.ReserveReply reply) {
        final CompletableFuture<Frame.ReserveReply> call = waiting.remove(reply.requestId());
        if (call != null) {
            call.complete(reply);
        }
    }

    /** The channel closed: every waiting request fails. */
    void failAll() {
        waiting.values().forEach(call -> call.completeExceptionally(new IOException("the channel closed")));
        waiting.clear();
    }

    private static KeyDeliveryException unavailable(final String message) {
        return new KeyDeliveryException(KeyDeliveryException.Kind.UNAVAILABLE, message);
    }
}
