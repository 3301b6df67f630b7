package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;
import static org.sdqkd.netconf.server.impl.agent.Args.CONFIGURATION;
import static org.sdqkd.netconf.server.impl.agent.Args.SOURCE;
import static org.sdqkd.netconf.server.impl.agent.Args.TARGET;
import static org.sdqkd.netconf.server.impl.agent.Args.WITH_DEFAULTS;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.server.impl.agent.Args.Param;
import org.w3c.dom.Element;

/**
 * The operations that change a configuration datastore: RFC 6241 {@code edit-config}, {@code copy-config},
 * {@code delete-config} and {@code discard-changes}, and RFC 8526 {@code edit-data}.
 */
final class EditOperations {
    private static final ReplyContent OK = new ReplyContent.Ok();

    private final Datastores datastores;
    private final DataXml models;
    private final EditConfig edits;
    private final SessionAccess access;

    /**
     * Creates the handler.
     *
     * @param datastores the datastores changed
     * @param models the models, to read inline configuration
     * @param edits applies edit-config and edit-data content
     * @param access which changes each session may make (RFC 8341 section 3.4.5), checked on the whole change
     */
    EditOperations(final Datastores datastores, final DataXml models, final EditConfig edits,
            final SessionAccess access) {
        this.access = requireNonNull(access);
        this.datastores = requireNonNull(datastores);
        this.models = requireNonNull(models);
        this.edits = requireNonNull(edits);
    }

    /** RFC 6241 section 7.2 {@code edit-config} of running or candidate. */
    ReplyContent editConfig(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(TARGET, Param.base("default-operation"),
            Param.base("test-option"), Param.base("error-option"), Param.base("config"), Param.base("url")));
        final DatastoreName target = args.datastore(TARGET, EnumSet.of(DatastoreName.RUNNING,
            DatastoreName.CANDIDATE));
        if (args.optional(Param.base("url")).isPresent()) {
            throw OperationException.of(ErrorType.PROTOCOL, ErrorTag.OPERATION_NOT_SUPPORTED,
                "the :url capability is not supported");
        }
        final Element config = args.required(Param.base("config"));
        final EditConfig.DefaultOperation defaultOperation = choice(args, "default-operation",
            EditConfig.DefaultOperation.class, EditConfig.DefaultOperation.MERGE);
        final String testOption = args.text(Param.base("test-option")).orElse("test-then-set");
        if (!List.of("test-then-set", "set", "test-only").contains(testOption)) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "test-option",
                "not a test-option: " + testOption);
        }
        final EditConfig.ErrorOption errorOption = choice(args, "error-option", EditConfig.ErrorOption.class,
            EditConfig.ErrorOption.STOP_ON_ERROR);
        return edit(target, config, defaultOperation, errorOption, "test-only".equals(testOption), session);
    }

    private ReplyContent edit(final DatastoreName target, final Element config,
            final EditConfig.DefaultOperation defaultOperation, final EditConfig.ErrorOption errorOption,
            final boolean testOnly, final AgentSession session) throws OperationException, DatastoreException {
        final ContainerNode before = datastores.snapshot(target).root();
        try (DataTransaction tx = datastores.newTransaction(target, session.id())) {
            final List<RpcError> skipped = edits.apply(config, tx, defaultOperation, errorOption);
            checkChange(session, before, tx);
            if (testOnly) {
                edits.test(tx);
            } else {
                tx.commit();
            }
            return skipped.isEmpty() ? OK : new ReplyContent.Errors(skipped);
        }
    }

    /** Refuses a transaction's change, as a whole, when the session may not make some part of it. */
    private void checkChange(final AgentSession session, final ContainerNode before, final DataTransaction tx)
            throws OperationException {
        final ContainerNode after = (ContainerNode) tx.read(YangInstanceIdentifier.of()).orElseThrow();
        access.checkWrite(session.id(), before, after);
    }

    private static <E extends Enum<E>> E choice(final Args args, final String name, final Class<E> type,
            final E otherwise) throws OperationException {
        final Optional<String> value = args.text(Param.base(name));
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.orElseThrow().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, name, "not a " + name + ": "
                + value.orElseThrow());
        }
    }

    /** RFC 6241 section 7.3 {@code copy-config}. */
    ReplyContent copyConfig(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(TARGET, SOURCE, WITH_DEFAULTS));
        final DatastoreName target = args.datastore(TARGET, CONFIGURATION);
        final Element source = args.required(SOURCE);
        final Optional<Element> inline = Dom.child(source, Namespaces.BASE, "config");
        if (inline.isPresent()) {
            final ContainerNode content = models.fromXml(Dom.childElements(inline.orElseThrow()));
            final ContainerNode before = datastores.snapshot(target).root();
            try (DataTransaction tx = datastores.newTransaction(target, session.id())) {
                tx.write(YangInstanceIdentifier.of(), content);
                checkChange(session, before, tx);
                tx.commit();
            }
            return OK;
        }
        final DatastoreName from = Args.datastoreIn(source, CONFIGURATION);
        if (from == target) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "target",
                "copy-config needs different source and target");
        }
        access.checkWrite(session.id(), datastores.snapshot(target).root(), datastores.snapshot(from).root());
        datastores.copy(from, target, session.id());
        return OK;
    }

    /** RFC 6241 section 7.4 {@code delete-config}, of startup only. */
    ReplyContent deleteConfig(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(TARGET));
        final DatastoreName target = args.datastore(TARGET, CONFIGURATION);
        if (target != DatastoreName.STARTUP) {
            throw OperationException.badElement(ErrorTag.OPERATION_NOT_SUPPORTED, target.yangName(),
                "delete-config cannot delete the " + target.yangName() + " datastore, only startup");
        }
        final ContainerNode before = datastores.snapshot(target).root();
        access.checkWrite(session.id(), before, ImmutableNodes.newContainerBuilder().withNodeIdentifier(before.name())
            .build());
        datastores.delete(target, session.id());
        return OK;
    }

    /** RFC 8526 section 3.1.2 {@code edit-data} of running or candidate. */
    ReplyContent editData(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final Param datastore = new Param(Namespaces.NMDA, "datastore");
        final Param defaultOperation = new Param(Namespaces.NMDA, "default-operation");
        final Param config = new Param(Namespaces.NMDA, "config");
        final Param url = new Param(Namespaces.NMDA, "url");
        final Args args = Args.of(operation, Set.of(datastore, defaultOperation, config, url));
        final DatastoreName name = Args.nmdaDatastore(args.required(datastore), EnumSet.of(DatastoreName.RUNNING,
            DatastoreName.CANDIDATE));
        if (args.optional(url).isPresent()) {
            throw OperationException.of(ErrorType.PROTOCOL, ErrorTag.OPERATION_NOT_SUPPORTED,
                "the url feature is not supported");
        }
        final Optional<String> op = args.text(defaultOperation);
        EditConfig.DefaultOperation chosen = EditConfig.DefaultOperation.MERGE;
        if (op.isPresent()) {
            try {
                chosen = EditConfig.DefaultOperation.valueOf(op.orElseThrow().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw OperationException.badElement(ErrorTag.INVALID_VALUE, "default-operation",
                    "not a default-operation: " + op.orElseThrow());
            }
        }
        return edit(name, args.required(config), chosen, EditConfig.ErrorOption.STOP_ON_ERROR, false, session);
    }

    /** RFC 6241 section 8.3.4.2 {@code discard-changes}. */
    ReplyContent discardChanges(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        Args.of(operation, Set.of());
        datastores.discardChanges(session.id());
        return OK;
    }
}
