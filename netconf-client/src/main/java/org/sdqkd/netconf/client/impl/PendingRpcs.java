package org.sdqkd.netconf.client.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.sdqkd.netconf.client.api.NetconfClientException;
import org.sdqkd.netconf.client.api.NetconfRpcException;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcReply;

/**
 * The rpcs of a session that wait for their replies, by message-id: each with its future, its timeout and the
 * {@link DataReader} its caller gave for the reply's data, if any. A reply completes the future registered under
 * its message-id (failed with {@link NetconfRpcException} if it holds an error of severity error). Thread-safe.
 */
final class PendingRpcs {
    /**
     * One rpc waiting for its reply.
     *
     * @param messageId its message-id
     * @param future    completed by the reply
     * @param timeout   the task that fails it when no reply comes in time
     * @param reader    reads the reply's data while it is parsed, if the caller gave one
     */
    record Pending(String messageId, CompletableFuture<RpcReply> future, ScheduledFuture<?> timeout,
            Optional<DataReader<?>> reader) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Registers an rpc; it leaves once its future completes, however.
     *
     * @param entry the rpc
     */
    void add(final Pending entry) {
        pending.put(entry.messageId(), entry);
        entry.future().whenComplete((reply, failure) -> {
            pending.remove(entry.messageId(), entry);
            entry.timeout().cancel(false);
        });
    }

    /**
     * Takes an rpc out, if it is still there.
     *
     * @param entry the rpc
     * @return whether it was there
     */
    boolean remove(final Pending entry) {
        return pending.remove(entry.messageId(), entry);
    }

    /**
     * Takes the rpc of a message-id out.
     *
     * @param messageId the message-id
     * @return the rpc, if it was waiting
     */
    Optional<Pending> take(final String messageId) {
        return Optional.ofNullable(pending.remove(messageId));
    }

    /**
     * The data reader of the rpc of a message-id.
     *
     * @param messageId the message-id
     * @return its reader, if the rpc waits and has one
     */
    Optional<DataReader<?>> readerFor(final String messageId) {
        final Pending entry = pending.get(messageId);
        return entry == null ? Optional.empty() : entry.reader();
    }

    /**
     * Completes the rpc a reply answers.
     *
     * @param reply the reply
     * @return false if no rpc waits for its message-id
     */
    boolean complete(final RpcReply reply) {
        final Optional<Pending> entry = reply.messageId().flatMap(this::take);
        if (entry.isEmpty()) {
            return false;
        }
        final CompletableFuture<RpcReply> future = entry.orElseThrow().future();
        if (reply.content() instanceof ReplyContent.Errors errors
                && errors.errors().stream().anyMatch(error -> error.severity() == ErrorSeverity.ERROR)) {
            future.completeExceptionally(new NetconfRpcException(errors.errors()));
        } else {
            future.complete(reply);
        }
        return true;
    }

    /**
     * Fails the rpc of a message-id.
     *
     * @param messageId the message-id
     * @param failure   why
     */
    void fail(final String messageId, final NetconfClientException failure) {
        take(messageId).ifPresent(entry -> entry.future().completeExceptionally(failure));
    }

    /**
     * Takes every rpc out.
     *
     * @return those that waited
     */
    List<Pending> takeAll() {
        final List<Pending> outstanding = List.copyOf(pending.values());
        pending.clear();
        return outstanding;
    }
}
