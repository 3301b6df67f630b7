package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;
import static org.sdqkd.netconf.server.impl.agent.Args.CONFIGURATION;
import static org.sdqkd.netconf.server.impl.agent.Args.FILTER;
import static org.sdqkd.netconf.server.impl.agent.Args.SOURCE;
import static org.sdqkd.netconf.server.impl.agent.Args.WITH_DEFAULTS;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.server.impl.agent.Args.Param;
import org.w3c.dom.Element;

/**
 * The retrieval operations: RFC 6241 {@code get} (running's configuration, the operational datastore's state and the
 * agent's own state data) and {@code get-config}, RFC 8526 {@code get-data} and RFC 6022 {@code get-schema}, with
 * subtree and XPath filters and with-defaults (RFC 6243).
 */
final class RetrievalOperations {
    private final Datastores datastores;
    private final DataXml models;
    private final AgentState agentState;
    private final ModuleSources sources;
    private final SessionAccess access;

    /**
     * Creates the handler.
     *
     * @param datastores the datastores read
     * @param models the models, to write data as XML
     * @param state the agent's own state data
     * @param sources the YANG texts get-schema serves
     * @param access what each session may read (RFC 8341 section 3.4.5): the rest is left out of every reply
     */
    RetrievalOperations(final Datastores datastores, final DataXml models, final AgentState state,
            final ModuleSources sources, final SessionAccess access) {
        this.access = requireNonNull(access);
        this.datastores = requireNonNull(datastores);
        this.models = requireNonNull(models);
        this.agentState = requireNonNull(state);
        this.sources = requireNonNull(sources);
    }

    /** RFC 6241 section 7.7 {@code get}. */
    ReplyContent get(final XmlElement operation, final AgentSession session) throws OperationException {
        final Args args = Args.of(operation, Set.of(FILTER, WITH_DEFAULTS));
        final Element data = operationalData(session);
        return reply(data, args.optional(FILTER), WithDefaults.of(args.text(WITH_DEFAULTS)), false);
    }

    /** RFC 6241 section 7.1 {@code get-config} of running, candidate or startup. */
    ReplyContent getConfig(final XmlElement operation, final AgentSession session)
            throws OperationException {
        final Args args = Args.of(operation, Set.of(SOURCE, FILTER, WITH_DEFAULTS));
        final DatastoreName source = args.datastore(SOURCE, CONFIGURATION);
        return DataReply.ofConfig(models, access.readable(session.id(), datastores.snapshot(source).root()),
            args.optional(FILTER),
            WithDefaults.of(args.text(WITH_DEFAULTS)));
    }

    /** Running's configuration, the operational datastore's state and the agent's own state data. */
    private Element operationalData(final AgentSession session) {
        final ContainerNode running = access.readable(session.id(), datastores.snapshot(DatastoreName.RUNNING).root());
        final ContainerNode operational = access.readable(session.id(),
            datastores.snapshot(DatastoreName.OPERATIONAL).root());
        final Element data = models.toXml(running);
        if (!operational.body().isEmpty()) {
            final Element state = models.toXml(operational);
            DomMerge.merge(data, state, models);
        }
        for (Element own : agentState.elements()) {
            data.appendChild(data.getOwnerDocument().importNode(own, true));
        }
        return data;
    }

    private ReplyContent reply(final Element data, final Optional<Element> filter, final WithDefaults defaults,
            final boolean configOnly) throws OperationException {
        defaults.apply(data, models, configOnly);
        final Element selected = filter.isPresent() ? Filters.apply(data, filter.orElseThrow(), models)
            : data;
        return new ReplyContent.Data(Dom.childElements(selected).stream().map(XmlElement::of).toList());
    }

    /** RFC 8526 section 3.1.1 {@code get-data} of any datastore; origin filters are refused. */
    ReplyContent getData(final XmlElement operation, final AgentSession session)
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
        final DatastoreName name = Args.nmdaDatastore(args.required(datastore), EnumSet.allOf(DatastoreName.class));
        final Element data = name == DatastoreName.OPERATIONAL ? operationalData(session)
            : models.toXml(access.readable(session.id(), datastores.snapshot(name).root()));
        final Optional<String> nmdaDefaults = args.text(withDefaults);
        final Optional<String> defaults = nmdaDefaults.isPresent() ? nmdaDefaults : args.text(WITH_DEFAULTS);
        WithDefaults.of(defaults).apply(data, models, name != DatastoreName.OPERATIONAL);
        Element selected = data;
        if (args.optional(subtree).isPresent()) {
            selected = SubtreeFilter.apply(data, args.optional(subtree).orElseThrow());
        } else if (args.optional(xpath).isPresent()) {
            final Element filter = XmlElement.of(args.optional(xpath).orElseThrow()).toElement();
            filter.setAttributeNS(null, "select", filter.getTextContent().strip());
            selected = XPathFilter.apply(data, filter, models);
        }
        final Optional<String> config = args.text(configFilter);
        if (config.isPresent()) {
            ConfigFilter.apply(selected, models, Boolean.parseBoolean(config.orElseThrow()));
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

    /** RFC 6022 section 3.1 {@code get-schema}, in format yang. */
    ReplyContent getSchema(final XmlElement operation, final AgentSession session)
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
        final String text = sources.text(name, revision).orElseThrow(() -> OperationException.badElement(
            ErrorTag.INVALID_VALUE, "identifier", "no schema " + name + revision.map(r -> "@" + r).orElse("")));
        final Element data = Dom.root(Namespaces.MONITORING, "data");
        data.setTextContent(text);
        return new ReplyContent.Output(List.of(XmlElement.of(data)));
    }
}
