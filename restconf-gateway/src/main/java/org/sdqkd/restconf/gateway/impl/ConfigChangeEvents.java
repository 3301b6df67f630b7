package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.base._1._0.rev110601.EditOperationType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.base._1._0.rev110601.SessionIdOrZeroType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.NetconfConfigChange;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.NetconfConfigChangeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.changed.by.parms.ChangedByBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.changed.by.parms.changed.by.server.or.user.ByUserBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.changed.by.parms.changed.by.server.or.user.ServerBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.netconf.config.change.Edit;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.netconf.config.change.EditBuilder;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.sdqkd.datastore.api.DataChange;
import org.sdqkd.datastore.api.DataChangeListener;
import org.sdqkd.datastore.api.SessionId;

/**
 * Turns every commit to running, by any writer (this gateway, a NETCONF session, the agent itself), into an RFC 6470
 * {@code ietf-netconf-notifications:netconf-config-change} event on the {@code NETCONF} stream: who made it and which
 * nodes it created, deleted or replaced. The event is built with the generated bindings and turned into data by the
 * binding codec; each edit's {@code target} (an instance-identifier into the served models, which have no bindings
 * here) is then added to it as data.
 */
final class ConfigChangeEvents implements DataChangeListener {
    /** Above this many changed nodes, a commit is reported as one replace of the subtree it changed. */
    static final int MAX_EDITS = 64;
    /** The {@code target} leaf of an edit (its binding type cannot name nodes of models without bindings). */
    private static final NodeIdentifier TARGET = NodeIdentifier.create(QName.create(Edit.QNAME, "target"));

    private final NotificationStream stream;
    private final Clock clock;

    ConfigChangeEvents(final NotificationStream stream, final Clock clock) {
        this.stream = requireNonNull(stream);
        this.clock = requireNonNull(clock);
    }

    @Override
    public void onDataChanged(final DataChange change) {
        final List<Change> edits = new ArrayList<>();
        Optional<NormalizedNode> before = change.before();
        Optional<NormalizedNode> after = change.after();
        if (change.path().isEmpty()) {
            // the datastore root always exists: an empty root is compared child by child like any other
            before = change.before().or(() -> change.after().map(ConfigChangeEvents::emptied));
            after = change.after().or(() -> change.before().map(ConfigChangeEvents::emptied));
        }
        diff(change.path(), before, after, edits);
        if (edits.size() > MAX_EDITS) {
            edits.clear();
            edits.add(new Change(change.path(), EditOperationType.Replace));
        }
        edits.removeIf(edit -> edit.path().isEmpty());
        if (edits.isEmpty()) {
            return;
        }
        stream.publish(body(change.changedBy(), edits), clock.instant());
    }

    /** One changed node. */
    record Change(YangInstanceIdentifier path, EditOperationType operation) {
        Change {
            requireNonNull(path);
            requireNonNull(operation);
        }
    }

    /** The event's body: the bindings' part through the codec, then the targets. */
    static ContainerNode body(final SessionId by, final List<Change> edits) {
        final NetconfConfigChange event = new NetconfConfigChangeBuilder()
            .setChangedBy(new ChangedByBuilder().setServerOrUser(by.id() == 0
                ? new ServerBuilder().setServer(Empty.value()).build()
                : new ByUserBuilder().setUsername(by.user()).setSessionId(sessionId(by)).build()).build())
            .setDatastore(NetconfConfigChange.Datastore.Running)
            .setEdit(edits.stream().map(e -> new EditBuilder().setOperation(e.operation()).build()).toList())
            .build();
        final ContainerNode bound = GatewayBindings.codec().nodeSerializer().toNormalizedNodeNotification(event);
        final var builder = ImmutableNodes.newContainerBuilder().withNodeIdentifier(bound.name());
        for (DataContainerChild child : bound.body()) {
            builder.withChild(child instanceof UnkeyedListNode list ? targeted(list, edits) : child);
        }
        return builder.build();
    }

    /**
     * A NETCONF session's id; 0 for the others, such as this gateway's requests, whose ids do not fit in uint32
     * (RFC 6470 {@code common-session-parms}: a non-NETCONF session may be identified by zero).
     */
    private static SessionIdOrZeroType sessionId(final SessionId by) {
        return new SessionIdOrZeroType(Uint32.valueOf(by.id() <= Uint32.MAX_VALUE.toJava() ? by.id() : 0));
    }

    private static UnkeyedListNode targeted(final UnkeyedListNode list, final List<Change> edits) {
        final var builder = ImmutableNodes.newUnkeyedListBuilder().withNodeIdentifier(list.name());
        int index = 0;
        for (UnkeyedListEntryNode entry : list.body()) {
            builder.withChild(ImmutableNodes.newUnkeyedListEntryBuilder().withNodeIdentifier(entry.name())
                .withValue(entry.body())
                .withChild(ImmutableNodes.leafNode(TARGET, edits.get(index++).path()))
                .build());
        }
        return builder.build();
    }

    private static void diff(final YangInstanceIdentifier path, final Optional<NormalizedNode> before,
            final Optional<NormalizedNode> after, final List<Change> edits) {
        if (edits.size() > MAX_EDITS || before.equals(after)) {
            return;
        }
        if (before.isEmpty()) {
            edits.add(new Change(path, EditOperationType.Create));
        } else if (after.isEmpty()) {
            edits.add(new Change(path, EditOperationType.Delete));
        } else if (before.orElseThrow() instanceof DistinctNodeContainer<?, ?> old
                && after.orElseThrow() instanceof DistinctNodeContainer<?, ?> now) {
            final List<NormalizedNode> children = new ArrayList<>();
            old.body().forEach(children::add);
            for (NormalizedNode child : now.body()) {
                if (childOf(old, child) == null) {
                    children.add(child);
                }
            }
            for (NormalizedNode child : children) {
                diff(path.node(child.name()), Optional.ofNullable(childOf(old, child)),
                    Optional.ofNullable(childOf(now, child)), edits);
            }
        } else {
            edits.add(new Change(path, EditOperationType.Replace));
        }
    }

    private static NormalizedNode emptied(final NormalizedNode root) {
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) root.name()).build();
    }

    @SuppressWarnings("unchecked")
    private static NormalizedNode childOf(final DistinctNodeContainer<?, ?> container, final NormalizedNode child) {
        return ((DistinctNodeContainer<YangInstanceIdentifier.PathArgument, NormalizedNode>) container)
            .childByArg(child.name());
    }
}
