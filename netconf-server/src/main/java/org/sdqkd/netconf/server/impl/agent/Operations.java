package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.ValidationFailedException;
import org.sdqkd.datastore.api.ValidationResult;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.server.impl.agent.Args.Param;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The operations of the agent, each on the datastores' API: RFC 6241 (get, get-config, edit-config, copy-config,
 * delete-config, lock, unlock, close-session, kill-session, validate, commit, cancel-commit, discard-changes),
 * RFC 6022 get-schema, RFC 5277 create-subscription and RFC 8526 get-data and edit-data.
 */
final class Operations {
    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    @FunctionalInterface
    private interface Handler {
        ReplyContent handle(XmlElement operation, ServerSession session) throws OperationException,
            DatastoreException;
    }

    private static final Set<DatastoreName> CONFIGURATION =
        EnumSet.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE, DatastoreName.STARTUP);
    private static final Param FILTER = Param.base("filter");
    private static final Param SOURCE = Param.base("source");
    private static final Param TARGET = Param.base("target");
    private static final Param WITH_DEFAULTS = new Param(Namespaces.WITH_DEFAULTS, "with-defaults");
    private static final ReplyContent OK = new ReplyContent.Ok();

    private final AgentCore core;
    private final EditConfig edits;
    private final Map<String, Handler> handlers = new HashMap<>();

    Operations(final AgentCore core, final EditConfig edits) {
        this.core = requireNonNull(core);
        this.edits = requireNonNull(edits);
        base("get", this::get);
        base("get-config", this::getConfig);
        base("edit-config", this::editConfig);
        base("copy-config", this::copyConfig);
        base("delete-config", this::deleteConfig);
        base("lock", this::lock);
        base("unlock", this::unlock);
        base("close-session", this::closeSession);
        base("kill-session", this::killSession);
        base("validate", this::validate);
        base("commit", this::commit);
        base("cancel-commit", this::cancelCommit);
        base("discard-changes", this::discardChanges);
        handlers.put(key(Namespaces.MONITORING, "get-schema"), this::getSchema);
        handlers.put(key(Namespaces.NOTIFICATION, "create-subscription"), this::createSubscription);
        handlers.put(key(Namespaces.NMDA, "get-data"), this::getData);
        handlers.put(key(Namespaces.NMDA, "edit-data"), this::editData);
    }

    private void base(final String name, final Handler handler) {
        handlers.put(key(Namespaces.BASE, name), handler);
    }

    private static String key(final String namespace, final String name) {
        return namespace + ' ' + name;
    }

    /** Runs a request and makes its reply; every failure becomes rpc-errors. */
    RpcReply dispatch(final Rpc rpc, final ServerSession session) {
        final XmlElement operation = rpc.operation();
        final Handler handler = handlers.get(key(operation.namespace(), operation.localName()));
        if (handler == null) {
            return RpcReply.errors(rpc, List.of(unknownOperation(operation)));
        }
        try {
            return RpcReply.to(rpc, handler.handle(operation, session));
        } catch (OperationException e) {
            return RpcReply.errors(rpc, e.errors());
        } catch (DatastoreException e) {
            return RpcReply.errors(rpc, Errors.of(e, core.models().context()));
        } catch (RuntimeException e) {
            LOG.warn("session {}: {} failed", session.id().id(), operation.localName(), e);
            return RpcReply.errors(rpc, List.of(RpcError.of(ErrorType.APPLICATION, ErrorTag.OPERATION_FAILED,
                operation.localName() + " failed: " + e.getMessage())));
        }
    }

    private RpcError unknownOperation(final XmlElement operation) {
        if (core.models().module(operation.namespace()).isEmpty()
                && !Namespaces.BASE.equals(operation.namespace())) {
            return RpcError.of(ErrorType.PROTOCOL, ErrorTag.UNKNOWN_NAMESPACE,
                    "no operation in namespace " + operation.namespace())
                .withInfo(ErrorInfo.badElement(operation.localName()), ErrorInfo.badNamespace(operation.namespace()));
        }
        return RpcError.of(ErrorType.PROTOCOL, ErrorTag.OPERATION_NOT_SUPPORTED,
                "the operation " + operation.localName() + " is not supported")
            .withInfo(ErrorInfo.badElement(operation.localName()));
    }

    // --- retrieval

    private ReplyContent get(final XmlElement operation, final ServerSession session) throws OperationException {
        final Args args = Args.of(operation, Set.of(FILTER, WITH_DEFAULTS));
        final Element data = operationalData();
        return reply(data, args.optional(FILTER), WithDefaults.of(args.text(WITH_DEFAULTS)), false);
    }

    private ReplyContent getConfig(final XmlElement operation, final ServerSession session)
            throws OperationException {
        final Args args = Args.of(operation, Set.of(SOURCE, FILTER, WITH_DEFAULTS));
        final DatastoreName source = args.datastore(SOURCE, CONFIGURATION);
        return DataReply.ofConfig(core.models(), core.datastores().snapshot(source).root(), args.optional(FILTER),
            WithDefaults.of(args.text(WITH_DEFAULTS)));
    }

    /** Running's configuration, the operational datastore's state and the agent's own state data. */
    private Element operationalData() {
        final ContainerNode running = core.datastores().snapshot(DatastoreName.RUNNING).root();
        final ContainerNode operational = core.datastores().snapshot(DatastoreName.OPERATIONAL).root();
        final Element data = core.models().toXml(running);
        if (!operational.body().isEmpty()) {
            final Element state = core.models().toXml(operational);
            DomMerge.merge(data, state, core.models());
        }
        for (Element own : core.stateData()) {
            data.appendChild(data.getOwnerDocument().importNode(own, true));
        }
        return data;
    }

    private ReplyContent reply(final Element data, final Optional<Element> filter, final WithDefaults defaults,
            final boolean configOnly) throws OperationException {
        defaults.apply(data, core.models(), configOnly);
        final Element selected = filter.isPresent() ? Filters.apply(data, filter.orElseThrow(), core.models())
            : data;
        return new ReplyContent.Data(Dom.childElements(selected).stream().map(XmlElement::of).toList());
    }

    // --- changes

    private ReplyContent editConfig(final XmlElement operation, final ServerSession session)
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
            final boolean testOnly, final ServerSession session) throws OperationException, DatastoreException {
        try (DataTransaction tx = core.datastores().newTransaction(target, session.id())) {
            final List<RpcError> skipped = edits.apply(config, tx, defaultOperation, errorOption);
            if (testOnly) {
                edits.test(tx);
            } else {
                tx.commit();
            }
            return skipped.isEmpty() ? OK : new ReplyContent.Errors(skipped);
        }
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

    private ReplyContent copyConfig(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(TARGET, SOURCE, WITH_DEFAULTS));
        final DatastoreName target = args.datastore(TARGET, CONFIGURATION);
        final Element source = args.required(SOURCE);
        final Optional<Element> inline = Dom.child(source, Namespaces.BASE, "config");
        if (inline.isPresent()) {
            final ContainerNode content = core.models().fromXml(Dom.childElements(inline.orElseThrow()));
            try (DataTransaction tx = core.datastores().newTransaction(target, session.id())) {
                tx.write(YangInstanceIdentifier.of(), content);
                tx.commit();
            }
            return OK;
        }
        final DatastoreName from = Args.datastoreIn(source, CONFIGURATION);
        if (from == target) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "target",
                "copy-config needs different source and target");
        }
        core.datastores().copy(from, target, session.id());
        return OK;
    }

    private ReplyContent deleteConfig(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(TARGET));
        final DatastoreName target = args.datastore(TARGET, CONFIGURATION);
        if (target != DatastoreName.STARTUP) {
            throw OperationException.badElement(ErrorTag.OPERATION_NOT_SUPPORTED, target.yangName(),
                "delete-config cannot delete the " + target.yangName() + " datastore, only startup");
        }
        core.datastores().delete(target, session.id());
        return OK;
    }

    private ReplyContent lock(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        final DatastoreName target = Args.of(operation, Set.of(TARGET)).datastore(TARGET, CONFIGURATION);
        if (target == DatastoreName.RUNNING && core.confirmedCommits().isPending()) {
            // RFC 6241 section 8.4.1: the running lock is refused while a confirmed commit is pending
            throw new OperationException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.LOCK_DENIED,
                    "a confirmed commit is pending; running cannot be locked until it is confirmed or cancelled")
                .withInfo(ErrorInfo.sessionId(0)));
        }
        core.datastores().lock(target, session.id());
        core.locked(target, session.id());
        return OK;
    }

    private ReplyContent unlock(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        final DatastoreName target = Args.of(operation, Set.of(TARGET)).datastore(TARGET, CONFIGURATION);
        core.datastores().unlock(target, session.id());
        core.unlocked(target);
        return OK;
    }

    private ReplyContent closeSession(final XmlElement operation, final ServerSession session)
            throws OperationException {
        Args.of(operation, Set.of());
        session.requestClose();
        return OK;
    }

    private ReplyContent killSession(final XmlElement operation, final ServerSession session)
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
        final ServerSession victim = core.session(id).orElseThrow(() -> OperationException.badElement(
            ErrorTag.INVALID_VALUE, "session-id", "no session " + id));
        victim.killBy(session.id().id());
        core.releaseKilled(victim, session);
        return OK;
    }

    private ReplyContent validate(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(SOURCE));
        final Element source = args.required(SOURCE);
        final Optional<Element> inline = Dom.child(source, Namespaces.BASE, "config");
        final ValidationResult result;
        if (inline.isPresent()) {
            final ContainerNode content = core.models().fromXml(Dom.childElements(inline.orElseThrow()));
            try (DataTransaction tx = core.datastores().newTransaction(DatastoreName.CANDIDATE, session.id())) {
                tx.write(YangInstanceIdentifier.of(), content);
                result = tx.validate();
            }
        } else {
            final DatastoreName name = Args.datastoreIn(source, CONFIGURATION);
            try (DataTransaction tx = core.datastores().newTransaction(name, session.id())) {
                result = tx.validate();
            }
        }
        if (!result.isValid()) {
            throw new OperationException(Errors.of(new ValidationFailedException(result.errors()),
                core.models().context()));
        }
        return OK;
    }

    private ReplyContent commit(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(Param.base("confirmed"), Param.base("confirm-timeout"),
            Param.base("persist"), Param.base("persist-id")));
        final boolean confirmed = args.flag(Param.base("confirmed"));
        final Optional<String> timeoutText = args.text(Param.base("confirm-timeout"));
        Optional<Duration> timeout = Optional.empty();
        if (timeoutText.isPresent()) {
            try {
                final long seconds = Long.parseLong(timeoutText.orElseThrow());
                if (seconds < 1 || seconds > 4_294_967_295L) {
                    throw new NumberFormatException();
                }
                timeout = Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                throw OperationException.badElement(ErrorTag.INVALID_VALUE, "confirm-timeout",
                    "confirm-timeout is a number of seconds from 1 to 4294967295: " + timeoutText.orElseThrow());
            }
        }
        final Optional<String> persist = args.text(Param.base("persist"));
        if (!confirmed && (timeout.isPresent() || persist.isPresent())) {
            throw OperationException.badElement(ErrorTag.BAD_ELEMENT, timeout.isPresent() ? "confirm-timeout"
                : "persist", "confirm-timeout and persist go with confirmed");
        }
        core.confirmedCommits().commit(session.id(), new ConfirmedCommits.Request(confirmed, timeout, persist,
            args.text(Param.base("persist-id"))));
        return OK;
    }

    private ReplyContent cancelCommit(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(Param.base("persist-id")));
        core.confirmedCommits().cancel(session.id(), args.text(Param.base("persist-id")));
        return OK;
    }

    private ReplyContent discardChanges(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        Args.of(operation, Set.of());
        core.datastores().discardChanges(session.id());
        return OK;
    }

    // --- monitoring and notifications

    private ReplyContent getSchema(final XmlElement operation, final ServerSession session)
            throws OperationException {
        final Param identifier = new Param(Namespaces.MONITORING, "identifier");
        final Param version = new Param(Namespaces.MONITORING, "version");
        final Param format = new Param(Namespaces.MONITORING, "format");
        final Args args = Args.of(operation, Set.of(identifier, version, format));
        final String name = args.text(identifier).orElseThrow(() -> OperationException.badElement(
            ErrorTag.MISSING_ELEMENT, "identifier", "get-schema needs the identifier"));
        final Optional<String> formatName = args.text(format);
        if (formatName.isPresent() && !formatName.orElseThrow().endsWith("yang")) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "format",
                "schemas are served in format yang only, not " + formatName.orElseThrow());
        }
        final Optional<String> revision = args.text(version);
        final String text = core.sources().text(name, revision).orElseThrow(() -> OperationException.badElement(
            ErrorTag.INVALID_VALUE, "identifier", "no schema " + name + revision.map(r -> "@" + r).orElse("")));
        final Element data = Dom.root(Namespaces.MONITORING, "data");
        data.setTextContent(text);
        return new ReplyContent.Output(List.of(XmlElement.of(data)));
    }

    private ReplyContent createSubscription(final XmlElement operation, final ServerSession session)
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
            Filters.apply(Dom.root(Namespaces.BASE, "data"), filterElement.orElseThrow(), core.models());
        }
        if (!core.notifications().subscribe(new NotificationBus.Subscription(session, filterElement,
                core.models()))) {
            throw OperationException.of(ErrorType.PROTOCOL, ErrorTag.IN_USE,
                "the session has a subscription already (RFC 5277 section 2.1.1)");
        }
        return OK;
    }

    // --- NMDA

    private ReplyContent getData(final XmlElement operation, final ServerSession session)
            throws OperationException {
        final Param datastore = new Param(Namespaces.NMDA, "datastore");
        final Param subtree = new Param(Namespaces.NMDA, "subtree-filter");
        final Param xpath = new Param(Namespaces.NMDA, "xpath-filter");
        final Param configFilter = new Param(Namespaces.NMDA, "config-filter");
        final Param maxDepth = new Param(Namespaces.NMDA, "max-depth");
        final Param withDefaults = new Param(Namespaces.NMDA, "with-defaults");
        final Args args = Args.of(operation, Set.of(datastore, subtree, xpath, configFilter, maxDepth,
            withDefaults, WITH_DEFAULTS, new Param(Namespaces.NMDA, "origin-filter"),
            new Param(Namespaces.NMDA, "negated-origin-filter"), new Param(Namespaces.NMDA, "with-origin")));
        for (String origin : List.of("origin-filter", "negated-origin-filter", "with-origin")) {
            if (args.optional(new Param(Namespaces.NMDA, origin)).isPresent()) {
                throw OperationException.badElement(ErrorTag.OPERATION_NOT_SUPPORTED, origin,
                    "the origin feature is not supported");
            }
        }
        final DatastoreName name = nmdaDatastore(args.required(datastore), EnumSet.allOf(DatastoreName.class));
        final Element data = name == DatastoreName.OPERATIONAL ? operationalData()
            : core.models().toXml(core.datastores().snapshot(name).root());
        final Optional<String> nmdaDefaults = args.text(withDefaults);
        final Optional<String> defaults = nmdaDefaults.isPresent() ? nmdaDefaults : args.text(WITH_DEFAULTS);
        WithDefaults.of(defaults).apply(data, core.models(), name != DatastoreName.OPERATIONAL);
        Element selected = data;
        if (args.optional(subtree).isPresent()) {
            selected = SubtreeFilter.apply(data, args.optional(subtree).orElseThrow());
        } else if (args.optional(xpath).isPresent()) {
            final Element filter = XmlElement.of(args.optional(xpath).orElseThrow()).toElement();
            filter.setAttributeNS(null, "select", filter.getTextContent().strip());
            selected = XPathFilter.apply(data, filter, core.models());
        }
        final Optional<String> config = args.text(configFilter);
        if (config.isPresent()) {
            ConfigFilter.apply(selected, core.models(), Boolean.parseBoolean(config.orElseThrow()));
        }
        final Optional<String> depth = args.text(maxDepth);
        if (depth.isPresent() && !"unbounded".equals(depth.orElseThrow())) {
            try {
                prune(selected, Integer.parseInt(depth.orElseThrow()));
            } catch (NumberFormatException e) {
                throw OperationException.badElement(ErrorTag.INVALID_VALUE, "max-depth",
                    "max-depth is a positive number or unbounded");
            }
        }
        final Element reply = Dom.root(Namespaces.NMDA, "data");
        for (Element node : Dom.childElements(selected)) {
            reply.appendChild(reply.getOwnerDocument().importNode(node, true));
        }
        return new ReplyContent.Output(List.of(XmlElement.of(reply)));
    }

    private static void prune(final Element parent, final int depth) {
        for (Element child : Dom.childElements(parent)) {
            if (depth <= 1) {
                while (child.getFirstChild() != null) {
                    child.removeChild(child.getFirstChild());
                }
            } else {
                prune(child, depth - 1);
            }
        }
    }

    private ReplyContent editData(final XmlElement operation, final ServerSession session)
            throws OperationException, DatastoreException {
        final Param datastore = new Param(Namespaces.NMDA, "datastore");
        final Param defaultOperation = new Param(Namespaces.NMDA, "default-operation");
        final Param config = new Param(Namespaces.NMDA, "config");
        final Param url = new Param(Namespaces.NMDA, "url");
        final Args args = Args.of(operation, Set.of(datastore, defaultOperation, config, url));
        final DatastoreName name = nmdaDatastore(args.required(datastore), EnumSet.of(DatastoreName.RUNNING,
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

    /** The datastore an NMDA {@code datastore} identityref names, such as {@code ds:operational}. */
    private static DatastoreName nmdaDatastore(final Element parameter, final Set<DatastoreName> allowed)
            throws OperationException {
        final String text = parameter.getTextContent().strip();
        final int colon = text.indexOf(':');
        final String prefix = colon < 0 ? null : text.substring(0, colon);
        final String local = text.substring(colon + 1);
        final String namespace = parameter.lookupNamespaceURI(prefix);
        for (DatastoreName name : allowed) {
            if (name.yangName().equals(local) && Namespaces.DATASTORES.equals(namespace)) {
                return name;
            }
        }
        throw OperationException.badElement(ErrorTag.INVALID_VALUE, "datastore",
            "not a datastore this operation can use: " + text);
    }
}
