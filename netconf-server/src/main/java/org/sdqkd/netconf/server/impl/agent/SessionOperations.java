package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;
import static org.sdqkd.netconf.server.impl.agent.Args.FILTER;

import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.server.impl.agent.Args.Param;
import org.w3c.dom.Element;

/**
 * The operations on sessions: RFC 6241 {@code close-session} and {@code kill-session} (section 7.8 and 7.9) and
 * RFC 5277 {@code create-subscription} on the NETCONF event stream.
 */
final class SessionOperations {
    private static final ReplyContent OK = new ReplyContent.Ok();

    private final SessionRegistry sessions;
    private final SessionEvents events;
    private final NotificationBus notifications;
    private final DataXml models;

    /**
     * Creates the handler.
     *
     * @param sessions the sessions kill-session finds its victim in
     * @param events ends a killed session and releases what it held
     * @param notifications the NETCONF event stream
     * @param models the models, to check and apply notification filters
     */
    SessionOperations(final SessionRegistry sessions, final SessionEvents events,
            final NotificationBus notifications,
            final DataXml models) {
        this.sessions = requireNonNull(sessions);
        this.events = requireNonNull(events);
        this.notifications = requireNonNull(notifications);
        this.models = requireNonNull(models);
    }

    /** RFC 6241 section 7.8 {@code close-session}: the session ends after the reply. */
    ReplyContent closeSession(final XmlElement operation, final AgentSession session)
            throws OperationException {
        Args.of(operation, Set.of());
        session.requestClose();
        return OK;
    }

    /** RFC 6241 section 7.9 {@code kill-session}: the victim's locks and changes are released before the reply. */
    ReplyContent killSession(final XmlElement operation, final AgentSession session)
            throws OperationException {
        final Args args = Args.of(operation, Set.of(Param.base("session-id")));
        final String text = args.text(Param.base("session-id")).orElseThrow(() -> OperationException.badElement(
            ErrorTag.MISSING_ELEMENT, "session-id", "kill-session needs the session-id"));
        final long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "session-id", "not a session-id: " + text);
        }
        if (id == session.id().id()) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "session-id",
                "a session cannot kill itself; use close-session");
        }
        final AgentSession victim = sessions.session(id).orElseThrow(() -> OperationException.badElement(
            ErrorTag.INVALID_VALUE, "session-id", "no session " + id));
        events.kill(victim, session);
        return OK;
    }

    /** RFC 5277 section 2.1.1 {@code create-subscription} on the NETCONF stream. */
    ReplyContent createSubscription(final XmlElement operation, final AgentSession session)
            throws OperationException {
        final Param stream = new Param(Namespaces.NOTIFICATION, "stream");
        final Param filter = new Param(Namespaces.NOTIFICATION, "filter");
        final Param startTime = new Param(Namespaces.NOTIFICATION, "startTime");
        final Param stopTime = new Param(Namespaces.NOTIFICATION, "stopTime");
        // ncclient's create_subscription sends its filter in the base namespace: accepted too
        final Args args = Args.of(operation, Set.of(stream, filter, FILTER, startTime, stopTime));
        final String streamName = args.text(stream).orElse("NETCONF");
        if (!"NETCONF".equals(streamName)) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "stream", "no event stream " + streamName
                + "; the agent has the NETCONF stream");
        }
        if (args.optional(startTime).isPresent()) {
            throw OperationException.badElement(ErrorTag.OPERATION_NOT_SUPPORTED, "startTime",
                "the NETCONF stream keeps no events to replay");
        }
        if (args.optional(stopTime).isPresent()) {
            throw OperationException.badElement(ErrorTag.BAD_ELEMENT, "stopTime",
                "stopTime is given only with startTime");
        }
        final Optional<Element> filterElement = args.optional(filter).or(() -> args.optional(FILTER));
        if (filterElement.isPresent()) {
            // an invalid filter is refused now, not at the first event
            Filters.apply(Dom.root(Namespaces.BASE, "data"), filterElement.orElseThrow(), models);
        }
        if (!notifications.subscribe(new NotificationBus.Subscription(session, filterElement,
                models))) {
            throw OperationException.of(ErrorType.PROTOCOL, ErrorTag.IN_USE,
                "the session has a subscription already (RFC 5277 section 2.1.1)");
        }
        return OK;
    }
}
