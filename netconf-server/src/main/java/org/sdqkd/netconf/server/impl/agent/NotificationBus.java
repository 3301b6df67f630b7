package org.sdqkd.netconf.server.impl.agent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.opendaylight.yangtools.yang.common.QName;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The {@code NETCONF} event stream (RFC 5277 section 3.2.3): every event is offered to every subscribed session,
 * through its filter, in the order published. Each subscription delivers on a virtual thread of its own, so a slow
 * client delays only its own notifications.
 */
final class NotificationBus {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationBus.class);

    /** A session's subscription: its filter and its delivery queue. */
    static final class Subscription {
        private final AgentSession session;
        private final Optional<Element> filter;
        private final DataXml models;
        private final ExecutorService delivery = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("netconf-notifications-", 0).factory());

        Subscription(final AgentSession session, final Optional<Element> filter, final DataXml models) {
            this.session = session;
            this.filter = filter;
            this.models = models;
        }

        void offer(final OffsetDateTime time, final Element event) {
            try {
                delivery.execute(() -> deliver(time, event));
            } catch (RejectedExecutionException e) {
                // the session ended while the event was published
            }
        }

        private void deliver(final OffsetDateTime time, final Element event) {
            final Optional<Element> content;
            try {
                content = filtered(event);
            } catch (OperationException e) {
                LOG.debug("session {}: the notification filter fails on an event", session.id(), e);
                return;
            }
            content.ifPresent(c -> session.sendNotification(new Notification(time, XmlElement.of(c))));
        }

        private Optional<Element> filtered(final Element event) throws OperationException {
            if (filter.isEmpty()) {
                return Optional.of(event);
            }
            final Element data = Dom.root(Namespaces.BASE, "data");
            data.appendChild(data.getOwnerDocument().importNode(event, true));
            final Element selected = Filters.apply(data, filter.orElseThrow(), models);
            return Dom.firstChildElement(selected);
        }

        void close() {
            delivery.shutdown();
        }
    }

    private final ConcurrentHashMap<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final SessionAccess access;

    /**
     * Creates the bus.
     *
     * @param access which notifications each session may receive (RFC 8341 section 3.4.6)
     */
    NotificationBus(final SessionAccess access) {
        this.access = access;
    }

    /** Subscribes a session; false if it has a subscription already (RFC 5277 section 2.1.1). */
    boolean subscribe(final Subscription subscription) {
        return subscriptions.putIfAbsent(subscription.session.id().id(), subscription) == null;
    }

    /** Ends a session's subscription, if any. */
    void unsubscribe(final long sessionId) {
        final Subscription subscription = subscriptions.remove(sessionId);
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Whether any session is subscribed. */
    boolean hasSubscribers() {
        return !subscriptions.isEmpty();
    }

    /** Publishes an event now. */
    void publish(final Element event) {
        final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        final QName name = QName.create(event.getNamespaceURI(), event.getLocalName());
        subscriptions.values().stream().filter(s -> access.maySend(s.session.id(), name))
            .forEach(s -> s.offer(now, event));
    }
}
