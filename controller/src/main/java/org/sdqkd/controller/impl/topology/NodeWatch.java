package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.BaseNotification;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.SubscriptionOptions;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology's watch on one connected node: it subscribes to the node's notifications (RFC 5277
 * {@code create-subscription}), reads its {@code qkd_node} with a subtree filter at once and whenever asked, and
 * hands what it decodes to the topology as bindings. Everything is asynchronous on the node's own session: a slow
 * or dead node holds up nothing else. At most one read is outstanding; a read that takes longer than the timeout is
 * logged and its result, if it ever comes, is still used.
 */
final class NodeWatch {
    private static final Logger LOG = LoggerFactory.getLogger(NodeWatch.class);

    /** Where a watch hands what it decoded; called on the session's threads, must not block. */
    interface Listener {
        /**
         * The node's {@code qkd_node} was read.
         *
         * @param watch the watch
         * @param data  the data
         */
        void read(NodeWatch watch, QkdNode data);

        /**
         * The node sent a notification of the models.
         *
         * @param watch        the watch
         * @param notification the notification
         */
        void notified(NodeWatch watch, BaseNotification notification);
    }

    private final NodeId node;
    private final NetconfSession session;
    private final NodeDataDecoder decoder;
    private final Duration timeout;
    private final Listener listener;
    private final Consumer<Notification> notifications = this::onNotification;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean closed;
    private boolean mismatchTold;

    NodeWatch(final NodeId node, final NetconfSession session, final NodeDataDecoder decoder, final Duration timeout,
            final Listener listener) {
        this.node = requireNonNull(node);
        this.session = requireNonNull(session);
        this.decoder = requireNonNull(decoder);
        this.timeout = requireNonNull(timeout);
        this.listener = requireNonNull(listener);
    }

    /** The node watched. */
    NodeId node() {
        return node;
    }

    /** Subscribes to the node's notifications (when it supports them), then reads its data. */
    void start() {
        session.addNotificationListener(notifications);
        if (!session.hasCapability(Capabilities.NOTIFICATION)) {
            LOG.info("node {} does not announce RFC 5277 notifications; it is only read", node.getValue());
            refresh();
            return;
        }
        new NetconfOperations(session).createSubscription(SubscriptionOptions.DEFAULT)
            .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .whenComplete((ok, failure) -> {
                if (failure != null && !closed) {
                    // another part of the controller may have subscribed this session already (one subscription
                    // per session, RFC 5277): its notifications reach this listener all the same
                    LOG.info("node {}: create-subscription: {}; relying on reads and an existing subscription",
                        node.getValue(), cause(failure).getMessage());
                }
            });
        refresh();
    }

    /** Reads the node's {@code qkd_node}, unless a read is outstanding. */
    void refresh() {
        if (closed || !reading.compareAndSet(false, true)) {
            return;
        }
        final Filter filter = Filter.subtree(decoder.qkdNodeFilter());
        final var read = new NetconfOperations(session).get(filter);
        read.whenComplete((data, failure) -> {
            reading.set(false);
            if (failure == null) {
                decoded(data);
            } else if (!closed) {
                LOG.debug("node {}: reading qkd_node failed: {}", node.getValue(), cause(failure).getMessage());
            }
        });
        read.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((data, failure) -> {
            if (failure != null && cause(failure) instanceof TimeoutException && !closed) {
                LOG.warn("node {}: no qkd_node within {} ms; its last data stays", node.getValue(),
                    timeout.toMillis());
            }
        });
    }

    /** Stops listening; reads still outstanding are ignored. */
    void close() {
        closed = true;
        session.removeNotificationListener(notifications);
    }

    /** Whether this is the first time the node's data names another node (told once per session). */
    boolean firstMismatch() {
        final boolean first = !mismatchTold;
        mismatchTold = true;
        return first;
    }

    private void decoded(final List<XmlElement> data) {
        if (closed) {
            return;
        }
        final Optional<XmlElement> element = data.stream().filter(e -> QkdNode.QNAME.getLocalName().equals(
            e.localName()) && QkdNode.QNAME.getNamespace().toString().equals(e.namespace())).findFirst();
        if (element.isEmpty()) {
            LOG.debug("node {}: no qkd_node in its data", node.getValue());
            return;
        }
        try {
            listener.read(this, decoder.qkdNode(element.orElseThrow()));
        } catch (NodeDataException e) {
            LOG.warn("node {}: its qkd_node cannot be read: {}", node.getValue(), e.getMessage());
        }
    }

    private void onNotification(final Notification notification) {
        if (closed) {
            return;
        }
        try {
            decoder.notification(notification.event()).ifPresent(binding -> listener.notified(this, binding));
        } catch (NodeDataException e) {
            LOG.warn("node {}: a notification cannot be read: {}", node.getValue(), e.getMessage());
        }
    }

    private static Throwable cause(final Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
