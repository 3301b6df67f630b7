package org.sdqkd.controller.impl.schema;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.model.api.source.SourceDependency;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.spi.source.SourceInfo;
import org.opendaylight.yangtools.yang.model.spi.source.YangIRSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a device's schema: its module list ({@link ModuleListReader}), each module's source from the disk cache
 * or by get-schema (the modules each one imports or includes too, when the list lacks them), and the shared model
 * context of the set ({@link SchemaContexts}).
 *
 * <p>What it does with sources it cannot have (OpenDaylight mounts with the resolvable subset and reports
 * "unavailable capabilities"; so does this): a module whose source cannot be fetched or parsed is left out, and so is
 * every module that imports or includes one left out, transitively, so that what remains parses on its own; the
 * modules left out are recorded with their reasons ({@link DeviceSchema#unresolved()}). The mount fails, naming the
 * modules, when nothing usable remains or the remaining set does not make a valid model.
 *
 * <p>At scale (many devices of few kinds) the work is done once per distinct kind of device: a module list read
 * through the device's library is kept by the device's hello capabilities, which name every module (RFC 6020 5.6.4)
 * or carry the library's {@code module-set-id}/{@code content-id} (RFC 7950 5.6.4, RFC 8525), so a device announcing
 * the same capabilities has the same list and is not asked again; a fully resolved schema is kept by its module list;
 * a source several devices need at once is fetched by one of them while the others wait for it (and fetch it
 * themselves if that fails). At most {@value #KEPT} lists and schemas are kept.
 */
public final class SchemaResolver {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaResolver.class);
    /** How many module lists, and how many resolved schemas, are kept at most. */
    static final int KEPT = 1024;

    private final ModuleListReader reader;
    private final SchemaSourceCache cache;
    private final SchemaFetcher fetcher;
    private final SchemaContexts contexts;
    private final Map<Set<URI>, DeviceModules> lists = new ConcurrentHashMap<>();
    private final Map<DeviceModules, DeviceSchema> schemas = new ConcurrentHashMap<>();
    private final Map<SourceIdentifier, CompletableFuture<YangIRSource>> fetches = new ConcurrentHashMap<>();

    /**
     * A resolver.
     *
     * @param reader   reads the device's module list
     * @param cache    the sources on disk
     * @param fetcher  get-schema, bounded
     * @param contexts the shared contexts
     */
    SchemaResolver(final ModuleListReader reader, final SchemaSourceCache cache, final SchemaFetcher fetcher,
            final SchemaContexts contexts) {
        this.reader = reader;
        this.cache = cache;
        this.fetcher = fetcher;
        this.contexts = contexts;
    }

    /**
     * A resolver with its parts.
     *
     * @param bindings  the library bindings
     * @param cache     the sources on disk
     * @param contexts  the shared contexts
     * @param settings  timeouts and limits
     * @return the resolver
     */
    public static SchemaResolver of(final LibraryBindings bindings, final SchemaSourceCache cache,
            final SchemaContexts contexts, final ResolverSettings settings) {
        return new SchemaResolver(new ModuleListReader(bindings, settings.timeout()), cache,
            new SchemaFetcher(settings.fetchPermits(), settings.timeout()), contexts);
    }

    /**
     * Resolves the schema of the device on a session. Blocks; call it off the session's threads.
     *
     * @param session the session
     * @return the schema
     * @throws SchemaResolutionException when no usable model context results, naming the modules
     * @throws InterruptedException      when interrupted
     */
    public DeviceSchema resolve(final NetconfSession session) throws SchemaResolutionException,
            InterruptedException {
        final DeviceModules modules = modules(session);
        if (modules.modules().isEmpty()) {
            throw new SchemaResolutionException("the device announces no YANG module", Map.of(), null);
        }
        final DeviceSchema known = schemas.get(modules);
        if (known != null) {
            return known;
        }
        final Map<SourceIdentifier, YangIRSource> sources = new LinkedHashMap<>();
        final Map<SourceIdentifier, SourceInfo> infos = new HashMap<>();
        final Map<String, String> unresolved = new LinkedHashMap<>();
        Set<SourceIdentifier> wave = new LinkedHashSet<>();
        modules.modules().forEach(module -> wave.add(module.sourceId()));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!wave.isEmpty()) {
                final Map<SourceIdentifier, Future<YangIRSource>> pending = new LinkedHashMap<>();
                for (SourceIdentifier id : wave) {
                    pending.put(id, threads.submit(() -> source(session, id)));
                }
                final Set<SourceIdentifier> next = new LinkedHashSet<>();
                for (var entry : pending.entrySet()) {
                    try {
                        final YangIRSource source = entry.getValue().get();
                        final SourceInfo info = source.extractSourceInfo();
                        sources.put(source.sourceId(), source);
                        infos.put(source.sourceId(), info);
                        dependencies(info).forEach(next::add);
                    } catch (ExecutionException | SourceInfo.ExtractorException e) {
                        final Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                        unresolved.put(ModuleRef.label(entry.getKey()), cause.getMessage());
                    }
                }
                next.removeIf(id -> satisfied(id, sources.keySet()) || unresolved.containsKey(ModuleRef.label(id)));
                wave.clear();
                wave.addAll(next);
            }
        }
        dropDependents(sources, infos, unresolved);
        if (sources.isEmpty()) {
            throw new SchemaResolutionException("no module of the device could be resolved: " + unresolved,
                unresolved, null);
        }
        try {
            final DeviceSchema schema = new DeviceSchema(contexts.context(sources.values(), features(modules, infos)),
                modules.origin(), unresolved);
            if (!unresolved.isEmpty()) {
                LOG.warn("session {}: mounted without {} module(s): {}", session.sessionId(), unresolved.size(),
                    unresolved);
            } else if (schemas.size() < KEPT) {
                schemas.putIfAbsent(modules, schema);
            }
            return schema;
        } catch (YangParserException e) {
            throw new SchemaResolutionException("the device's modules " + sources.keySet().stream()
                .map(ModuleRef::label).toList() + " do not make a valid model: " + e.getMessage()
                + (unresolved.isEmpty() ? "" : "; unresolved: " + unresolved), unresolved, e);
        }
    }

    /** The device's module list: the one read before for the same hello capabilities, else read now. */
    private DeviceModules modules(final NetconfSession session) throws InterruptedException {
        final Set<URI> hello = session.serverCapabilities();
        final DeviceModules known = lists.get(hello);
        if (known != null) {
            return known;
        }
        final DeviceModules read = reader.read(session);
        if (!read.modules().isEmpty() && lists.size() < KEPT) {
            lists.putIfAbsent(Set.copyOf(hello), read);
        }
        return read;
    }

    /**
     * A module's source: from the cache, else fetched from the device, or from another device fetching the same
     * module revision now (this device fetches it itself when that fails).
     */
    private YangIRSource source(final NetconfSession session, final SourceIdentifier id)
            throws SchemaSourceException, InterruptedException {
        final Optional<YangIRSource> cached = cache.read(id);
        if (cached.isPresent()) {
            return cached.orElseThrow();
        }
        if (id.revision() == null) {
            return cache.store(id, fetcher.fetch(session, id));
        }
        final CompletableFuture<YangIRSource> mine = new CompletableFuture<>();
        final CompletableFuture<YangIRSource> running = fetches.putIfAbsent(id, mine);
        if (running != null) {
            try {
                return running.get();
            } catch (ExecutionException e) {
                LOG.debug("session {}: {} not had from another device ({}); asking this one", session.sessionId(),
                    ModuleRef.label(id), e.getCause().getMessage());
                return cache.store(id, fetcher.fetch(session, id));
            }
        }
        try {
            final Optional<YangIRSource> meanwhile = cache.read(id);
            final YangIRSource source = meanwhile.isPresent() ? meanwhile.orElseThrow()
                : cache.store(id, fetcher.fetch(session, id));
            mine.complete(source);
            return source;
        } catch (SchemaSourceException | InterruptedException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            fetches.remove(id, mine);
        }
    }

    private static List<SourceIdentifier> dependencies(final SourceInfo info) {
        final List<SourceIdentifier> dependencies = new ArrayList<>();
        for (SourceDependency dependency : info.imports()) {
            dependencies.add(new SourceIdentifier(dependency.name(), dependency.revision()));
        }
        for (SourceDependency dependency : info.includes()) {
            dependencies.add(new SourceIdentifier(dependency.name(), dependency.revision()));
        }
        return dependencies;
    }

    private static boolean satisfied(final SourceIdentifier wanted, final Set<SourceIdentifier> have) {
        final Revision revision = wanted.revision();
        return have.stream().anyMatch(id -> id.name().equals(wanted.name())
            && (revision == null || revision.equals(id.revision())));
    }

    /** Leaves out, transitively, every source whose imports or includes are not all there. */
    private static void dropDependents(final Map<SourceIdentifier, YangIRSource> sources,
            final Map<SourceIdentifier, SourceInfo> infos, final Map<String, String> unresolved) {
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (SourceIdentifier id : List.copyOf(sources.keySet())) {
                final Optional<SourceIdentifier> missing = dependencies(infos.get(id)).stream()
                    .filter(dependency -> !satisfied(dependency, sources.keySet())).findFirst();
                if (missing.isPresent()) {
                    sources.remove(id);
                    unresolved.put(ModuleRef.label(id), "needs " + ModuleRef.label(missing.orElseThrow())
                        + ", which is unresolved");
                    dropped = true;
                }
            }
        }
    }

    /**
     * The features: as the device listed them for a module, all of a module for which it did not say (a sparse
     * {@link FeatureSet}); empty when it said for none (all features).
     */
    private static Optional<FeatureSet> features(final DeviceModules modules,
            final Map<SourceIdentifier, SourceInfo> infos) {
        final FeatureSet.Builder builder = FeatureSet.builder();
        boolean any = false;
        for (ModuleRef module : modules.modules()) {
            if (module.features().isEmpty()) {
                continue;
            }
            final Optional<SourceInfo.Module> info = infos.entrySet().stream()
                .filter(entry -> entry.getKey().name().getLocalName().equals(module.name()))
                .map(Map.Entry::getValue).filter(SourceInfo.Module.class::isInstance)
                .map(SourceInfo.Module.class::cast).findFirst();
            if (info.isPresent()) {
                builder.addModuleFeatures(QNameModule.of(info.orElseThrow().namespace(),
                    info.orElseThrow().sourceId().revision()), module.features().orElseThrow());
                any = true;
            }
        }
        return any ? Optional.of(builder.build()) : Optional.empty();
    }
}
