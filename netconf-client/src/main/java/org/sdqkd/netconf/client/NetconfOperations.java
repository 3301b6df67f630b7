package org.sdqkd.netconf.client;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sdqkd.netconf.client.impl.Replies;
import org.sdqkd.netconf.client.impl.Requests;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sdqkd.netconf.client.api.CommitOptions;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.EditOptions;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NmdaDatastore;
import org.sdqkd.netconf.client.api.ReconnectingSession;
import org.sdqkd.netconf.client.api.SubscriptionOptions;
import org.sdqkd.netconf.client.api.UnexpectedReplyException;

/**
 * The typed operations of RFC 6241 section 7, RFC 5277 ({@code create-subscription}), RFC 6022 ({@code get-schema})
 * and RFC 8526 ({@code get-data}, {@code edit-data}) on any {@link NetconfSession}: each builds its operation element,
 * sends it with {@link NetconfSession#rpc(XmlElement)} and reads the result from the reply. It holds nothing but the
 * session, so making one is cheap and any number may share a session; for a {@link ReconnectingSession}, wrap the
 * session it hands out ({@link ReconnectingSession#connected()}, the on-connect hook). Thread-safe as the session is.
 *
 * <p>The futures complete and fail as the session's {@code rpc} does; a reply that is not what the operation returns
 * fails them with {@link UnexpectedReplyException}.
 */
public final class NetconfOperations {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfOperations.class);

    private final NetconfSession session;

    /**
     * The operations on a session.
     *
     * @param session the session to send them on
     */
    public NetconfOperations(final NetconfSession session) {
        this.session = requireNonNull(session);
    }

    /**
     * The session the operations are sent on.
     *
     * @return the session
     */
    public NetconfSession session() {
        return session;
    }

    /**
     * {@code get} (RFC 6241 section 7.7): all configuration and state data.
     *
     * @return the children of {@code <data>}
     */
    public CompletableFuture<List<XmlElement>> get() {
        return session.rpc(Requests.get(Optional.empty())).thenCompose(Replies::data);
    }

    /**
     * {@code get} with a filter (RFC 6241 section 7.7).
     *
     * @param filter the subtree or XPath filter
     * @return the children of {@code <data>}
     */
    public CompletableFuture<List<XmlElement>> get(final Filter filter) {
        return session.rpc(Requests.get(Optional.of(filter))).thenCompose(Replies::data);
    }

    /**
     * {@code get-config} of a whole datastore (RFC 6241 section 7.1).
     *
     * @param source the datastore
     * @return the children of {@code <data>}
     */
    public CompletableFuture<List<XmlElement>> getConfig(final Datastore source) {
        return session.rpc(Requests.getConfig(source, Optional.empty())).thenCompose(Replies::data);
    }

    /**
     * {@code get-config} with a filter (RFC 6241 section 7.1).
     *
     * @param source the datastore
     * @param filter the subtree or XPath filter
     * @return the children of {@code <data>}
     */
    public CompletableFuture<List<XmlElement>> getConfig(final Datastore source, final Filter filter) {
        return session.rpc(Requests.getConfig(source, Optional.of(filter))).thenCompose(Replies::data);
    }

    /**
     * {@code get-config} with a filter (RFC 6241 section 7.1), its data read by {@code reader} while the reply is
     * parsed, with no DOM of it: for large data that the caller turns into something of its own.
     *
     * @param <T>    what the reader makes of the data
     * @param source the datastore
     * @param filter the subtree or XPath filter
     * @param reader reads the {@code <data>} element (see {@link NetconfSession#rpc(XmlElement, DataReader)})
     * @return the reader's result; empty for a reply without {@code <data>}
     */
    public <T> CompletableFuture<Optional<T>> getConfig(final Datastore source, final Filter filter,
            final DataReader<T> reader) {
        return session.rpc(Requests.getConfig(source, Optional.of(filter)), reader)
            .thenCompose(reply -> Replies.read(reply, reader));
    }

    /**
     * {@code edit-config} with the server's default options (RFC 6241 section 7.2).
     *
     * @param target the datastore to change
     * @param config the {@code <config>} element of the base namespace, or one element to put inside one
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> editConfig(final Datastore target, final XmlElement config) {
        return editConfig(target, config, EditOptions.DEFAULT);
    }

    /**
     * {@code edit-config} (RFC 6241 section 7.2).
     *
     * @param target the datastore to change
     * @param config the {@code <config>} element of the base namespace, or one element to put inside one
     * @param options default-operation, test-option and error-option
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> editConfig(final Datastore target, final XmlElement config,
            final EditOptions options) {
        return session.rpc(Requests.editConfig(target, config, options)).thenCompose(Replies::ok);
    }

    /**
     * {@code copy-config} from one datastore to another (RFC 6241 section 7.3).
     *
     * @param target the datastore to replace
     * @param source the datastore to copy
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> copyConfig(final Datastore target, final Datastore source) {
        return session.rpc(Requests.copyConfig(target, Optional.of(source), Optional.empty()))
            .thenCompose(Replies::ok);
    }

    /**
     * {@code copy-config} of an inline configuration (RFC 6241 section 7.3).
     *
     * @param target the datastore to replace
     * @param config the {@code <config>} element of the base namespace, or one element to put inside one
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> copyConfig(final Datastore target, final XmlElement config) {
        return session.rpc(Requests.copyConfig(target, Optional.empty(), Optional.of(config)))
            .thenCompose(Replies::ok);
    }

    /**
     * {@code delete-config} (RFC 6241 section 7.4).
     *
     * @param target the datastore to delete (not running)
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> deleteConfig(final Datastore target) {
        return session.rpc(Requests.targetOnly("delete-config", target)).thenCompose(Replies::ok);
    }

    /**
     * {@code lock} (RFC 6241 section 7.5).
     *
     * @param target the datastore
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> lock(final Datastore target) {
        return session.rpc(Requests.targetOnly("lock", target)).thenCompose(Replies::ok);
    }

    /**
     * {@code unlock} (RFC 6241 section 7.6).
     *
     * @param target the datastore
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> unlock(final Datastore target) {
        return session.rpc(Requests.targetOnly("unlock", target)).thenCompose(Replies::ok);
    }

    /**
     * {@code validate} of a datastore ({@code :validate:1.1}, RFC 6241 section 8.6).
     *
     * @param source the datastore
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> validate(final Datastore source) {
        return session.rpc(Requests.validate(source)).thenCompose(Replies::ok);
    }

    /**
     * {@code commit} of the candidate ({@code :candidate}, RFC 6241 section 8.3).
     *
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> commit() {
        return commit(CommitOptions.PLAIN);
    }

    /**
     * {@code commit}, possibly confirmed or confirming ({@code :confirmed-commit:1.1}, RFC 6241 section 8.4).
     *
     * @param options confirmed, confirm-timeout, persist and persist-id
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> commit(final CommitOptions options) {
        return session.rpc(Requests.commit(options)).thenCompose(Replies::ok);
    }

    /**
     * {@code cancel-commit} of this session's confirmed commit (RFC 6241 section 8.4.4.1).
     *
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> cancelCommit() {
        return session.rpc(Requests.cancelCommit(Optional.empty())).thenCompose(Replies::ok);
    }

    /**
     * {@code cancel-commit} of a persistent confirmed commit (RFC 6241 section 8.4.4.1).
     *
     * @param persistId the token given as persist
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> cancelCommit(final String persistId) {
        return session.rpc(Requests.cancelCommit(Optional.of(persistId))).thenCompose(Replies::ok);
    }

    /**
     * {@code discard-changes} of the candidate (RFC 6241 section 8.3.4.2).
     *
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> discardChanges() {
        return session.rpc(Requests.simple("discard-changes")).thenCompose(Replies::ok);
    }

    /**
     * {@code close-session} (RFC 6241 section 7.8): asks the server to end the session, then closes it. The future
     * completes once the session is closed, also when the server closed it without replying or the rpc failed; at
     * once when the session is closed already.
     *
     * @return completes when the session is closed
     */
    public CompletableFuture<Void> closeSession() {
        if (!session.isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        return session.rpc(Requests.simple("close-session"))
            .handle((reply, failure) -> {
                if (failure != null) {
                    LOG.debug("{}: close-session failed", session, failure);
                }
                session.close();
                return null;
            })
            .thenCompose(ignored -> session.closeFuture())
            .thenApply(ignored -> null);
    }

    /**
     * {@code kill-session} of another session (RFC 6241 section 7.9).
     *
     * @param sessionId the session to end
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> killSession(final long sessionId) {
        return session.rpc(Requests.killSession(sessionId)).thenCompose(Replies::ok);
    }

    /**
     * {@code get-schema} of RFC 6022 section 3.1, for the latest version in YANG.
     *
     * @param identifier the module or submodule name
     * @return the schema's text
     */
    public CompletableFuture<String> getSchema(final String identifier) {
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
    public CompletableFuture<String> getSchema(final String identifier, final Optional<String> version,
            final Optional<String> format) {
        return session.rpc(Requests.getSchema(identifier, version, format)).thenCompose(Replies::schemaText);
    }

    /**
     * {@code create-subscription} of RFC 5277 section 2.1.1; the notifications then go to the session's notification
     * listeners.
     *
     * @param options stream, filter, start and stop time
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> createSubscription(final SubscriptionOptions options) {
        return session.rpc(Requests.createSubscription(options)).thenCompose(Replies::ok);
    }

    /**
     * {@code get-data} of RFC 8526 section 3.1.1.
     *
     * @param datastore the datastore
     * @param filter a subtree or XPath filter, if any
     * @return the children of {@code <data>}
     */
    public CompletableFuture<List<XmlElement>> getData(final NmdaDatastore datastore, final Optional<Filter> filter) {
        return session.rpc(Requests.getData(datastore, filter)).thenCompose(Replies::nmdaData);
    }

    /**
     * {@code edit-data} of RFC 8526 section 3.1.2.
     *
     * @param datastore the datastore to change (a configuration datastore)
     * @param config the data to merge, the top-level elements
     * @param defaultOperation the default operation, if not merge
     * @return completes when the server answered ok
     */
    public CompletableFuture<Void> editData(final NmdaDatastore datastore, final List<XmlElement> config,
            final Optional<EditOptions.DefaultOperation> defaultOperation) {
        return session.rpc(Requests.editData(datastore, config, defaultOperation)).thenCompose(Replies::ok);
    }

    @Override
    public String toString() {
        return "NetconfOperations[" + session + "]";
    }
}
