package org.sdqkd.netconf.server.impl.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataChange;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.netconf.protocol.api.ErrorPath;
import org.w3c.dom.Element;

/** The events of ietf-netconf-notifications (RFC 6470) the agent publishes on the NETCONF stream. */
final class BaseNotifications {
    /** Above this many changed nodes, a configuration change is reported as one replace of the whole tree. */
    private static final int MAX_EDITS = 64;

    private BaseNotifications() {
        // static only
    }

    static Element sessionStart(final SessionId session, final Optional<String> host) {
        final Element event = Dom.root(Namespaces.BASE_NOTIFICATIONS, "netconf-session-start");
        common(event, session, host);
        return event;
    }

    static Element sessionEnd(final SessionId session, final Optional<String> host, final String reason,
            final Optional<Long> killedBy) {
        final Element event = Dom.root(Namespaces.BASE_NOTIFICATIONS, "netconf-session-end");
        common(event, session, host);
        killedBy.ifPresent(k -> append(event, "killed-by", Long.toString(k)));
        append(event, "termination-reason", reason);
        return event;
    }

    static Element confirmedCommit(final ConfirmedCommits.Event kind, final SessionId session,
            final Optional<String> host, final Optional<String> persistId, final Optional<Duration> timeout) {
        final Element event = Dom.root(Namespaces.BASE_NOTIFICATIONS, "netconf-confirmed-commit");
        // RFC 6470: the session parameters are there when the event is not a timeout
        if (session.id() != 0 && kind != ConfirmedCommits.Event.TIMEOUT) {
            common(event, session, host);
        }
        append(event, "confirm-event", kind.name().toLowerCase(Locale.ROOT));
        if (kind == ConfirmedCommits.Event.START || kind == ConfirmedCommits.Event.EXTEND) {
            timeout.ifPresent(t -> append(event, "timeout", Long.toString(t.toSeconds())));
        }
        return event;
    }

    /** A change of running: who made it and which nodes it created, deleted or replaced. */
    static Element configChange(final DataXml models, final DataChange change, final Optional<String> host) {
        final Element event = Dom.root(Namespaces.BASE_NOTIFICATIONS, "netconf-config-change");
        final Element changedBy = append(event, "changed-by", null);
        if (change.changedBy().id() == 0) {
            append(changedBy, "server", null);
        } else {
            common(changedBy, change.changedBy(), host);
        }
        append(event, "datastore", "running");
        final List<Edit> edits = new ArrayList<>();
        diff(change.path(), change.before(), change.after(), edits);
        if (edits.size() > MAX_EDITS) {
            edits.clear();
            edits.add(new Edit(change.path(), "replace"));
        }
        for (Edit edit : edits) {
            if (edit.path().isEmpty()) {
                continue;
            }
            final Element entry = append(event, "edit", null);
            final ErrorPath path = ModulePathTranslator.translate(models.dataPath(edit.path()), models.context());
            final Element target = append(entry, "target", path.xpath());
            for (Map.Entry<String, String> binding : path.namespaces().entrySet()) {
                target.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + binding.getKey(),
                    binding.getValue());
            }
            append(entry, "operation", edit.operation());
        }
        return event;
    }

    private record Edit(YangInstanceIdentifier path, String operation) {
    }

    private static void diff(final YangInstanceIdentifier path, final Optional<NormalizedNode> before,
            final Optional<NormalizedNode> after, final List<Edit> edits) {
        if (edits.size() > MAX_EDITS || before.equals(after)) {
            return;
        }
        if (before.isEmpty()) {
            edits.add(new Edit(path, "create"));
            return;
        }
        if (after.isEmpty()) {
            edits.add(new Edit(path, "delete"));
            return;
        }
        if (before.orElseThrow() instanceof DistinctNodeContainer<?, ?> b
                && after.orElseThrow() instanceof DistinctNodeContainer<?, ?> a) {
            final List<NormalizedNode> children = new ArrayList<>();
            b.body().forEach(children::add);
            for (NormalizedNode child : a.body()) {
                if (b.childByArg(cast(child.name())) == null) {
                    children.add(child);
                }
            }
            for (NormalizedNode child : children) {
                final YangInstanceIdentifier childPath = path.node(child.name());
                diff(childPath, Optional.ofNullable(b.childByArg(cast(child.name()))),
                    Optional.ofNullable(a.childByArg(cast(child.name()))), edits);
            }
            return;
        }
        edits.add(new Edit(path, "replace"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(final Object value) {
        return (T) value;
    }

    private static void common(final Element parent, final SessionId session, final Optional<String> host) {
        append(parent, "username", session.user());
        append(parent, "session-id", Long.toString(session.id()));
        host.ifPresent(h -> append(parent, "source-host", h));
    }

    private static Element append(final Element parent, final String name, final String text) {
        return Dom.append(parent, Namespaces.BASE_NOTIFICATIONS, name, text);
    }
}
