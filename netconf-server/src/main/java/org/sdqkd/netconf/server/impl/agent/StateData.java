package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.model.api.FeatureDefinition;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.ModuleLike;
import org.opendaylight.yangtools.yang.model.api.Submodule;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.w3c.dom.Element;

/**
 * The agent's own state data: {@code /netconf-state} of ietf-netconf-monitoring (RFC 6022: capabilities, datastores
 * and their locks, schemas, sessions, statistics) and {@code /yang-library} of ietf-yang-library (RFC 8525: one
 * module set, one schema, the four NMDA datastores).
 */
final class StateData {
    private final DataXml models;
    private final ModuleSources sources;
    private final String contentId;

    StateData(final DataXml models, final ModuleSources sources) {
        this.models = requireNonNull(models);
        this.sources = requireNonNull(sources);
        this.contentId = Integer.toHexString(modules().stream()
            .map(m -> m.getName() + "@" + m.getRevision().map(Revision::toString).orElse(""))
            .collect(Collectors.joining(",")).hashCode());
    }

    /** Identifies the set of modules: changes when the models do (RFC 8525 content-id). */
    String contentId() {
        return contentId;
    }

    /** Every module of the models, by name. */
    List<Module> modules() {
        return models.context().getModules().stream().map(Module.class::cast)
            .sorted(Comparator.comparing(Module::getName)).toList();
    }

    /**
     * The module capabilities of the hello (RFC 6020 section 5.6.4). YANG 1.1 modules are listed too, as Netopeer2
     * and OpenDaylight do: clients that build their schema from the hello (OpenDaylight's connector, ncclient's
     * capability checks) find every module there, and the YANG library lists them all as well.
     */
    List<URI> moduleCapabilities() {
        final List<URI> capabilities = new ArrayList<>();
        for (Module module : modules()) {
            final StringBuilder uri = new StringBuilder(module.getNamespace().toString())
                .append("?module=").append(module.getName());
            module.getRevision().ifPresent(r -> uri.append("&revision=").append(r));
            final List<String> features = features(module);
            if (!features.isEmpty()) {
                uri.append("&features=").append(String.join(",", features));
            }
            capabilities.add(URI.create(uri.toString()));
        }
        return capabilities;
    }

    private static List<String> features(final ModuleLike module) {
        return module.getFeatures().stream().map(FeatureDefinition::getQName).map(q -> q.getLocalName())
            // the :url capability is not offered
            .filter(name -> !("ietf-netconf".equals(module.getName()) && "url".equals(name)))
            .sorted().toList();
    }

    /** {@code /netconf-state}. */
    Element netconfState(final List<URI> capabilities, final Map<DatastoreName, HeldLocks.HeldLock> locks,
            final List<AgentSession> sessions, final Statistics statistics) {
        final Element state = Dom.root(Namespaces.MONITORING, "netconf-state");
        final Element caps = append(state, "capabilities", null);
        capabilities.forEach(c -> append(caps, "capability", c.toString()));
        final Element datastores = append(state, "datastores", null);
        for (DatastoreName name : List.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE, DatastoreName.STARTUP)) {
            final Element datastore = append(datastores, "datastore", null);
            append(datastore, "name", name.yangName());
            final HeldLocks.HeldLock lock = locks.get(name);
            if (lock != null) {
                final Element global = append(append(datastore, "locks", null), "global-lock", null);
                append(global, "locked-by-session", Long.toString(lock.sessionId()));
                append(global, "locked-time", lock.since().toString());
            }
        }
        final Element schemas = append(state, "schemas", null);
        for (ModuleLike module : modulesAndSubmodules()) {
            final String revision = module.getRevision().map(Revision::toString).orElse("");
            if (!sources.has(module.getName(), revision)) {
                continue;
            }
            final Element schema = append(schemas, "schema", null);
            append(schema, "identifier", module.getName());
            append(schema, "version", revision);
            append(schema, "format", "yang");
            append(schema, "namespace", module.getNamespace().toString());
            append(schema, "location", "NETCONF");
        }
        final Element sessionList = append(state, "sessions", null);
        for (AgentSession session : sessions) {
            final Element entry = append(sessionList, "session", null);
            append(entry, "session-id", Long.toString(session.id().id()));
            append(entry, "transport", "netconf-ssh");
            append(entry, "username", session.info().user());
            final Optional<String> host = Optional.ofNullable(session.info().remoteAddress())
                .map(a -> a.getAddress().getHostAddress());
            host.ifPresent(h -> append(entry, "source-host", h));
            append(entry, "login-time", session.loginTime().toString());
            counters(entry, session.counters());
            sshKeyExchange(entry, session.info());
        }
        final Element stats = append(state, "statistics", null);
        append(stats, "netconf-start-time", statistics.startTime().toString());
        append(stats, "in-bad-hellos", Long.toString(statistics.inBadHellos()));
        append(stats, "in-sessions", Long.toString(statistics.inSessions()));
        append(stats, "dropped-sessions", Long.toString(statistics.droppedSessions()));
        counters(stats, statistics.total());
        return state;
    }

    /** The four counters a session and the statistics have alike, in the order of the model. */
    private static void counters(final Element parent, final Counters counters) {
        append(parent, "in-rpcs", Long.toString(counters.inRpcs()));
        append(parent, "in-bad-rpcs", Long.toString(counters.inBadRpcs()));
        append(parent, "out-rpc-errors", Long.toString(counters.outRpcErrors()));
        append(parent, "out-notifications", Long.toString(counters.outNotifications()));
    }

    /**
     * The augment of {@code sdqkd-ssh-qkd}: the session's key exchange method and, after a hybrid one, its QKD
     * key_ID, peer SAE, count and time; never the key.
     */
    private static void sshKeyExchange(final Element entry, final SessionInfo info) {
        final Element kex = Dom.append(entry, Namespaces.SSH_QKD, "ssh-key-exchange", null);
        Dom.append(kex, Namespaces.SSH_QKD, "method", info.keyExchange());
        info.qkdExchange().get().ifPresent(qkd -> {
            Dom.append(kex, Namespaces.SSH_QKD, "qkd-key-id", qkd.keyId().toString());
            Dom.append(kex, Namespaces.SSH_QKD, "qkd-peer-sae-id", qkd.peerSaeId());
            Dom.append(kex, Namespaces.SSH_QKD, "qkd-key-exchanges", Integer.toString(qkd.number()));
            Dom.append(kex, Namespaces.SSH_QKD, "last-qkd-key-exchange", qkd.time().toString());
        });
    }

    private List<ModuleLike> modulesAndSubmodules() {
        final List<ModuleLike> all = new ArrayList<>();
        for (Module module : modules()) {
            all.add(module);
            all.addAll(module.getSubmodules());
        }
        return all;
    }

    /** {@code /yang-library}. */
    Element yangLibrary() {
        final Element library = Dom.root(Namespaces.YANG_LIBRARY, "yang-library");
        library.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", Namespaces.DATASTORES);
        final Element set = Dom.append(library, Namespaces.YANG_LIBRARY, "module-set", null);
        Dom.append(set, Namespaces.YANG_LIBRARY, "name", "all");
        for (Module module : modules()) {
            final Element entry = Dom.append(set, Namespaces.YANG_LIBRARY, "module", null);
            Dom.append(entry, Namespaces.YANG_LIBRARY, "name", module.getName());
            module.getRevision().ifPresent(r -> Dom.append(entry, Namespaces.YANG_LIBRARY, "revision",
                r.toString()));
            Dom.append(entry, Namespaces.YANG_LIBRARY, "namespace", module.getNamespace().toString());
            for (Submodule submodule : module.getSubmodules()) {
                final Element sub = Dom.append(entry, Namespaces.YANG_LIBRARY, "submodule", null);
                Dom.append(sub, Namespaces.YANG_LIBRARY, "name", submodule.getName());
                submodule.getRevision().ifPresent(r -> Dom.append(sub, Namespaces.YANG_LIBRARY, "revision",
                    r.toString()));
            }
            features(module).forEach(f -> Dom.append(entry, Namespaces.YANG_LIBRARY, "feature", f));
        }
        final Element schema = Dom.append(library, Namespaces.YANG_LIBRARY, "schema", null);
        Dom.append(schema, Namespaces.YANG_LIBRARY, "name", "all");
        Dom.append(schema, Namespaces.YANG_LIBRARY, "module-set", "all");
        for (DatastoreName name : DatastoreName.values()) {
            final Element datastore = Dom.append(library, Namespaces.YANG_LIBRARY, "datastore", null);
            Dom.append(datastore, Namespaces.YANG_LIBRARY, "name", "ds:" + name.yangName());
            Dom.append(datastore, Namespaces.YANG_LIBRARY, "schema", "all");
        }
        Dom.append(library, Namespaces.YANG_LIBRARY, "content-id", contentId);
        return library;
    }

    /**
     * {@code /netconf/streams} of nc-notifications (RFC 5277 section 3.2.5.1): the agent's one event stream,
     * {@code NETCONF}, without replay (create-subscription refuses startTime); empty when the models lack
     * nc-notifications.
     */
    Optional<Element> eventStreams() {
        if (models.module(Namespaces.EVENT_STREAMS).isEmpty()) {
            return Optional.empty();
        }
        final Element netconf = Dom.root(Namespaces.EVENT_STREAMS, "netconf");
        final Element stream = Dom.append(Dom.append(netconf, Namespaces.EVENT_STREAMS, "streams", null),
            Namespaces.EVENT_STREAMS, "stream", null);
        Dom.append(stream, Namespaces.EVENT_STREAMS, "name", "NETCONF");
        Dom.append(stream, Namespaces.EVENT_STREAMS, "description",
            "the agent's notifications: RFC 6470 events and those the node publishes");
        Dom.append(stream, Namespaces.EVENT_STREAMS, "replaySupport", "false");
        return Optional.of(netconf);
    }

    /**
     * {@code /modules-state}, the YANG library of RFC 7895 that clients of the {@code yang-library:1.0} capability
     * (yangcli, older OpenDaylight releases) read; deprecated in RFC 8525 but still served, as Netopeer2 does.
     */
    Element modulesState() {
        final Element state = Dom.root(Namespaces.YANG_LIBRARY, "modules-state");
        Dom.append(state, Namespaces.YANG_LIBRARY, "module-set-id", contentId);
        for (Module module : modules()) {
            final Element entry = Dom.append(state, Namespaces.YANG_LIBRARY, "module", null);
            Dom.append(entry, Namespaces.YANG_LIBRARY, "name", module.getName());
            Dom.append(entry, Namespaces.YANG_LIBRARY, "revision", module.getRevision().map(Revision::toString)
                .orElse(""));
            Dom.append(entry, Namespaces.YANG_LIBRARY, "namespace", module.getNamespace().toString());
            features(module).forEach(f -> Dom.append(entry, Namespaces.YANG_LIBRARY, "feature", f));
            Dom.append(entry, Namespaces.YANG_LIBRARY, "conformance-type", "implement");
            for (Submodule submodule : module.getSubmodules()) {
                final Element sub = Dom.append(entry, Namespaces.YANG_LIBRARY, "submodule", null);
                Dom.append(sub, Namespaces.YANG_LIBRARY, "name", submodule.getName());
                Dom.append(sub, Namespaces.YANG_LIBRARY, "revision", submodule.getRevision()
                    .map(Revision::toString).orElse(""));
            }
        }
        return state;
    }

    private static Element append(final Element parent, final String name, final String text) {
        return Dom.append(parent, Namespaces.MONITORING, name, text);
    }
}
