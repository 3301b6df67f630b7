package org.sdqkd.netconf.client.api;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.ChunkedFraming;
import org.sdqkd.netconf.protocol.api.EndOfMessageFraming;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.ssh.qkd.api.QkdExchange;

/**
 * One open NETCONF session (RFC 6241 section 2) on its own SSH connection (RFC 6242), after the hello exchange: the
 * transport of rpcs, replies and notifications, nothing more. The typed operations of RFC 6241, RFC 5277, RFC 6022
 * and RFC 8526 are in {@link NetconfOperations}, built on {@link #rpc(XmlElement)}. Thread-safe: any thread may send
 * rpcs, and many may be outstanding at once (pipelining); the session gives each its message-id and each reply
 * completes the future of the rpc with that message-id.
 *
 * <p>Futures complete on the session's reader thread, in the order the replies arrive. A stage that waits for another
 * reply of the same session must not block (use the {@code ...Async} methods of {@link CompletableFuture}).
 * They fail with a {@link NetconfClientException}: {@link NetconfRpcException} for rpc-errors of severity error,
 * {@link NetconfTimeoutException} when no reply came in time, {@link NetconfSessionClosedException} when the session
 * ended first (dropped, closed, or closed because the server sent malformed framing or XML).
 */
public interface NetconfSession extends AutoCloseable {

    /**
     * The session-id the server assigned in its hello (RFC 6241 section 8.1).
     *
     * @return the session-id
     */
    long sessionId();

    /**
     * The capabilities the server announced in its hello.
     *
     * @return the capability URIs, in the server's order
     */
    Set<URI> serverCapabilities();

    /**
     * Whether the server announced a capability, ignoring parameters.
     *
     * @param capability the capability
     * @return whether it was announced
     */
    default boolean hasCapability(final URI capability) {
        return serverCapabilities().stream()
            .anyMatch(uri -> Capabilities.same(uri, capability));
    }

    /**
     * The base capability of the framing in use: {@code :base:1.1} for chunked framing, {@code :base:1.0} for
     * end-of-message framing (RFC 6242 section 4.1).
     *
     * @return the base capability
     */
    URI framing();

    /**
     * The framing class in use, as {@link #framing()} names it.
     *
     * @return {@code ChunkedFraming.class} or {@code EndOfMessageFraming.class}
     */
    default Class<? extends Framing> framingType() {
        return Capabilities.BASE_1_1.equals(framing()) ? ChunkedFraming.class : EndOfMessageFraming.class;
    }

    /**
     * The SSH key exchange method the session's connection negotiated last (RFC 4253 section 7.1), such as
     * {@code mlkem768x25519-qkd-sha256@sdqkd.org} or {@code curve25519-sha256}.
     *
     * @return the method's name, or empty when the transport does not say
     */
    default Optional<String> keyExchangeMethod() {
        return Optional.empty();
    }

    /**
     * The last hybrid classical + QKD key exchange of the session's connection (the first one or a re-key): its
     * method and the key_ID of the QKD key it used, never the key.
     *
     * @return the exchange, or empty when the connection uses a standard method
     */
    default Optional<QkdExchange> qkdExchange() {
        return Optional.empty();
    }

    /**
     * Whether the session is still open.
     *
     * @return false once it is closing, closed or dropped
     */
    boolean isOpen();

    /**
     * Sends an rpc (RFC 6241 section 4.1) with the session's default timeout
     * ({@link ConnectOptions.Builder#rpcTimeout}).
     *
     * @param operation the operation element, such as {@code <get-config>}; the session wraps it in an
     *     {@code <rpc>} with the next message-id
     * @return the reply; fails with {@link NetconfRpcException} if it holds an error of severity error
     */
    CompletableFuture<RpcReply> rpc(XmlElement operation);

    /**
     * Sends an rpc (RFC 6241 section 4.1).
     *
     * @param operation the operation element; the session wraps it in an {@code <rpc>} with the next message-id
     * @param timeout how long to wait for the reply, positive
     * @return the reply; fails with {@link NetconfRpcException} if it holds an error of severity error, with
     *     {@link NetconfTimeoutException} if none came in time
     */
    CompletableFuture<RpcReply> rpc(XmlElement operation, Duration timeout);

    /**
     * Sends an rpc whose reply's {@code <data>} (get, get-config, get-data) is read by {@code data} while the reply is
     * parsed, with no DOM of it, with the session's default timeout. The reply then holds
     * {@link org.sdqkd.netconf.protocol.api.ReplyContent.ReadData}, the reader's result; a reply without
     * {@code <data>} comes as {@link #rpc(XmlElement)} gives it. The reader runs on the session's reader thread, so
     * it must not block on this session's replies.
     *
     * @param operation the operation element; the session wraps it in an {@code <rpc>} with the next message-id
     * @param data      reads the data; its refusal (an exception of its own) fails the rpc with
     *     {@link UnexpectedReplyException} and leaves the session open
     * @return the reply; fails as {@link #rpc(XmlElement)}
     */
    CompletableFuture<RpcReply> rpc(XmlElement operation, DataReader<?> data);

    /**
     * Adds a listener for the notifications of this session (RFC 5277). Listeners are called in the order the
     * notifications arrive, one at a time, on a worker thread; they must not block.
     *
     * @param listener the listener
     */
    void addNotificationListener(Consumer<Notification> listener);

    /**
     * Removes a notification listener.
     *
     * @param listener the listener added before
     */
    void removeNotificationListener(Consumer<Notification> listener);

    /**
     * A future completed when the session has ended, with the reason.
     *
     * @return the future; never fails
     */
    CompletableFuture<NetconfSessionClosedException> closeFuture();

    /**
     * Adds a listener told once when the session ends, with the reason; at once if it has ended already. The same as
     * {@code closeFuture().thenAccept(listener)}.
     *
     * @param listener the listener
     */
    default void addCloseListener(final Consumer<NetconfSessionClosedException> listener) {
        closeFuture().thenAccept(listener);
    }

    /**
     * Closes the session and its SSH connection at once, without {@code close-session} (for that, see
     * {@link NetconfOperations#closeSession()}). Outstanding rpcs fail with {@link NetconfSessionClosedException}.
     * Does nothing when already closed.
     */
    @Override
    void close();
}
