package org.sdqkd.netconf.client.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sdqkd.netconf.client.impl.Replies;
import org.sdqkd.netconf.client.impl.Requests;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;

/**
 * One open NETCONF session (RFC 6241) on its own SSH connection, after the hello exchange. Thread-safe: any thread
 * may send rpcs, and many may be outstanding at once (pipelining); each reply completes the future of the rpc with
 * its message-id.
 *
 * <p>Futures complete on the client's worker threads, in the order the replies arrive. A stage that waits for another
 * reply of the same session must not block (use the {@code ...Async} methods of {@link CompletableFuture}).
 * They fail with a {@link NetconfClientException}: {@link NetconfRpcException} for rpc-errors of severity error,
 * {@link NetconfTimeoutException} when no reply came in time, {@link NetconfSessionClosedException} when the session
 * ended first (dropped, closed, or closed because the server sent malformed framing or XML).
 */
public interface NetconfSession extends AutoCloseable {

    /**
     * The session-id the server assigned in its hello.
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
     * The framing class in use.
     *
     * @return {@code ChunkedFraming.class} or {@code EndOfMessageFraming.class}
     */
    Class<? extends Framing> framingType();

    /**
     * Whether the session is still open.
     *
     * @return false once it closed or dropped
     */
    boolean isOpen();

    /**
     * Sends an rpc with the default timeout.
     *
     * @param operation the operation element, such as {@code <get-config>}
     * @return the reply; fails with {@link NetconfRpcException} if it holds an error of severity error
     */
    CompletableFuture<RpcReply> rpc(XmlElement operation);

    /**
     * Sends an rpc.
     *
     * @param operation the operation element
     * @param timeout how long to wait for the reply
     * @return the reply; fails with {@link NetconfRpcException} if it holds an error of severity error, with
     *     {@link NetconfTimeoutException} if none came in time
     */
    CompletableFuture<RpcReply> rpc(XmlElement operation, Duration timeout);

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
     * Adds a listener told once when the session ends, with the reason; at once if it has ended already.
     *
     * @param listener the listener
     */
    void addCloseListener(Consumer<NetconfSessionClosedException> listener);

    /**
     * A future completed when the session has ended, with the reason.
     *
     * @return the future; never fails
     */
    CompletableFuture<NetconfSessionClosedException> closeFuture();

    /**
     * Closes the session and its SSH connection at once, without {@code close-session}. Outstanding rpcs fail with
     * {@link NetconfSessionClosedException}. Does nothing when already closed.
     */
    @Override
    void close();

    // ---- the operations of RFC 6241, RFC 5277, RFC 6022 and RFC 8526 ----

    /**
     * {@code get}: all configuration and state data.
     *
     * @return the children of {@code <data>}
     */
    default CompletableFuture<List<XmlElement>> get() {
        return rpc(Requests.get(Optional.empty())).thenCompose(Replies::data);
    }

    /**
     * {@code get} with a filter.
     *
     * @param filter the subtree or XPath filter
     * @return the children of {@code <data>}
     */
    default CompletableFuture<List<XmlElement>> get(final Filter filter) {
        return rpc(Requests.get(Optional.of(filter))).thenCompose(Replies::data);
    }

    /**
     * {@code get-config} of a whole datastore.
     *
     * @param source the datastore
     * @return the children of {@code <data>}
     */
    default CompletableFuture<List<XmlElement>> getConfig(final Datastore source) {
        return rpc(Requests.getConfig(source, Optional.empty())).thenCompose(Replies::data);
    }

    /**
     * {@code get-config} with a filter.
     *
     * @param source the datastore
     * @param filter the subtree or XPath filter
     * @return the children of {@code <data>}
     */
    default CompletableFuture<List<XmlElement>> getConfig(final Datastore source, final Filter filter) {
        return rpc(Requests.getConfig(source, Optional.of(filter))).thenCompose(Replies::data);
    }

    /**
     * {@code edit-config} with the server's default options.
     *
     * @param target the datastore to change
     * @param config the {@code <config>} element of the base namespace, or one element to put inside one
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> editConfig(final Datastore target, final XmlElement config) {
        return editConfig(target, config, EditOptions.DEFAULT);
    }

    /**
     * {@code edit-config}.
     *
     * @param target the datastore to change
     * @param config the {@code <config>} element of the base namespace, or one element to put inside one
     * @param options default-operation, test-option and error-option
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> editConfig(final Datastore target, final XmlElement config,
            final EditOptions options) {
        return rpc(Requests.editConfig(target, config, options)).thenCompose(Replies::ok);
    }

    /**
     * {@code copy-config} from one datastore to another.
     *
     * @param target the datastore to replace
     * @param source the datastore to copy
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> copyConfig(final Datastore target, final Datastore source) {
        return rpc(Requests.copyConfig(target, Optional.of(source), Optional.empty())).thenCompose(Replies::ok);
    }

    /**
     * {@code copy-config} of an inline configuration.
     *
     * @param target the datastore to replace
     * @param config the {@code <config>} element of the base namespace, or one element to put inside one
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> copyConfig(final Datastore target, final XmlElement config) {
        return rpc(Requests.copyConfig(target, Optional.empty(), Optional.of(config))).thenCompose(Replies::ok);
    }

    /**
     * {@code delete-config}.
     *
     * @param target the datastore to delete (not running)
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> deleteConfig(final Datastore target) {
        return rpc(Requests.targetOnly("delete-config", target)).thenCompose(Replies::ok);
    }

    /**
     * {@code lock}.
     *
     * @param target the datastore
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> lock(final Datastore target) {
        return rpc(Requests.targetOnly("lock", target)).thenCompose(Replies::ok);
    }

    /**
     * {@code unlock}.
     *
     * @param target the datastore
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> unlock(final Datastore target) {
        return rpc(Requests.targetOnly("unlock", target)).thenCompose(Replies::ok);
    }

    /**
     * {@code validate} of a datastore ({@code :validate:1.1}).
     *
     * @param source the datastore
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> validate(final Datastore source) {
        return rpc(Requests.validate(source)).thenCompose(Replies::ok);
    }

    /**
     * {@code commit} of the candidate ({@code :candidate}).
     *
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> commit() {
        return commit(CommitOptions.PLAIN);
    }

    /**
     * {@code commit}, possibly confirmed or confirming ({@code :confirmed-commit:1.1}).
     *
     * @param options confirmed, confirm-timeout, persist and persist-id
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> commit(final CommitOptions options) {
        return rpc(Requests.commit(options)).thenCompose(Replies::ok);
    }

    /**
     * {@code cancel-commit} of this session's confirmed commit.
     *
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> cancelCommit() {
        return rpc(Requests.cancelCommit(Optional.empty())).thenCompose(Replies::ok);
    }

    /**
     * {@code cancel-commit} of a persistent confirmed commit.
     *
     * @param persistId the token given as persist
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> cancelCommit(final String persistId) {
        return rpc(Requests.cancelCommit(Optional.of(persistId))).thenCompose(Replies::ok);
    }

    /**
     * {@code discard-changes} of the candidate.
     *
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> discardChanges() {
        return rpc(Requests.simple("discard-changes")).thenCompose(Replies::ok);
    }

    /**
     * {@code close-session}: asks the server to end the session, then closes it. The future completes once the
     * session is closed, also when the server closed it without replying.
     *
     * @return completes when the session is closed
     */
    CompletableFuture<Void> closeSession();

    /**
     * {@code kill-session} of another session.
     *
     * @param sessionId the session to end
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> killSession(final long sessionId) {
        return rpc(Requests.killSession(sessionId)).thenCompose(Replies::ok);
    }

    /**
     * {@code get-schema} of RFC 6022 section 3.1, for the latest version in YANG.
     *
     * @param identifier the module or submodule name
     * @return the schema's text
     */
    default CompletableFuture<String> getSchema(final String identifier) {
        return getSchema(identifier, Optional.empty(), Optional.empty());
    }

    /**
     * {@code get-schema} of RFC 6022 section 3.1.
     *
     * @param identifier the module or submodule name
     * @param version the revision, if not the latest
     * @param format the format identity of {@code ietf-netconf-monitoring}, such as {@code yang} or {@code yin}, if
     *     not the server's default
     * @return the schema's text
     */
    default CompletableFuture<String> getSchema(final String identifier, final Optional<String> version,
            final Optional<String> format) {
        return rpc(Requests.getSchema(identifier, version, format)).thenCompose(Replies::schemaText);
    }

    /**
     * {@code create-subscription} of RFC 5277; the notifications then go to the notification listeners.
     *
     * @param options stream, filter, start and stop time
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> createSubscription(final SubscriptionOptions options) {
        return rpc(Requests.createSubscription(options)).thenCompose(Replies::ok);
    }

    /**
     * {@code get-data} of RFC 8526 section 3.1.1.
     *
     * @param datastore the datastore
     * @param filter a subtree or XPath filter, if any
     * @return the children of {@code <data>}
     */
    default CompletableFuture<List<XmlElement>> getData(final NmdaDatastore datastore,
            final Optional<Filter> filter) {
        return rpc(Requests.getData(datastore, filter)).thenCompose(Replies::nmdaData);
    }

    /**
     * {@code edit-data} of RFC 8526 section 3.1.2.
     *
     * @param datastore the datastore to change (a configuration datastore)
     * @param config the data to merge, the top-level elements
     * @param defaultOperation the default operation, if not merge
     * @return completes when the server answered ok
     */
    default CompletableFuture<Void> editData(final NmdaDatastore datastore, final List<XmlElement> config,
            final Optional<EditOptions.DefaultOperation> defaultOperation) {
        return rpc(Requests.editData(datastore, config, defaultOperation)).thenCompose(Replies::ok);
    }
}
