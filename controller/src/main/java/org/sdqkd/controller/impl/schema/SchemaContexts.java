package org.sdqkd.controller.impl.schema;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.model.spi.source.YangIRSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;

/**
 * One {@link EffectiveModelContext} per distinct module set and feature set: devices with the same modules,
 * revisions and features share one instance (and so the gateway's codecs for it). A set being parsed for one device
 * is waited for by the others. A failed parse is not kept, so a later mount tries again. Thread-safe.
 */
public final class SchemaContexts {
    private final YangParserFactory parsers = ServiceLoader.load(YangParserFactory.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("no YangParserFactory on the class path"));
    private final Map<Key, CompletableFuture<EffectiveModelContext>> contexts = new ConcurrentHashMap<>();

    /**
     * The context of a set of sources.
     *
     * @param sources  the sources, each module once
     * @param features the features supported; empty for all
     * @return the context, the same instance for the same set
     * @throws YangParserException when the sources do not make a valid model
     * @throws InterruptedException when interrupted while another thread parses the same set
     */
    EffectiveModelContext context(final Collection<YangIRSource> sources, final Optional<FeatureSet> features)
            throws YangParserException, InterruptedException {
        final Key key = new Key(sources.stream().map(YangIRSource::sourceId)
            .collect(Collectors.toUnmodifiableSet()), features);
        final CompletableFuture<EffectiveModelContext> mine = new CompletableFuture<>();
        final CompletableFuture<EffectiveModelContext> existing = contexts.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof YangParserException parse) {
                    throw parse;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        try {
            final YangParser parser = parsers.createParser(YangParserConfiguration.DEFAULT);
            features.ifPresent(parser::setSupportedFeatures);
            for (YangIRSource source : sources) {
                parser.addSource(source);
            }
            final EffectiveModelContext context = parser.buildEffectiveModel();
            mine.complete(context);
            return context;
        } catch (YangParserException | java.io.IOException | RuntimeException e) {
            contexts.remove(key, mine);
            final YangParserException failure = e instanceof YangParserException parse ? parse
                : new YangParserException(String.valueOf(e.getMessage()), e);
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    /** The number of distinct contexts held. */
    public int size() {
        return contexts.size();
    }

    /** A module set with its features. */
    private record Key(Set<SourceIdentifier> sources, Optional<FeatureSet> features) {
    }
}
