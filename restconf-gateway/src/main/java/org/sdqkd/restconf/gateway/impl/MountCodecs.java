package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * What the gateway reads and writes a mounted device's bodies and paths with, built once per device model context:
 * the yangtools RFC 7951 JSON and XML codecs and the data schema tree ({@link ModelCodecs}), and the gateway's
 * parsers, readers, writers and filters on them. Kept by the identity of the {@link EffectiveModelContext} (weakly:
 * they go when no device uses the context any more), so devices that share one context (as the controller's schema
 * cache gives devices with the same modules and revisions) share one set, whatever gateway serves them.
 */
final class MountCodecs {
    /** Weak keys compare by identity, as the brief of {@code MountedDevice#modelContext()} asks. */
    private static final Cache<EffectiveModelContext, MountCodecs> SHARED = CacheBuilder.newBuilder().weakKeys()
        .build();
    private static final AtomicLong BUILT = new AtomicLong();

    private final ModelCodecs codecs;
    private final ApiPathParser parser;
    private final BodyReader reader;
    private final BodyWriter writer;
    private final ApiPathFormatter formatter;
    private final DefaultsFilter defaults;
    private final FieldsFilter fields;
    private final ActionResolver actions;
    private final OperationsResource operations;
    private final OperationInvoker invoker;

    private MountCodecs(final EffectiveModelContext context) {
        this.codecs = ModelCodecs.of(context);
        this.parser = new ApiPathParser(codecs);
        this.reader = new BodyReader(codecs);
        this.writer = new BodyWriter(codecs);
        this.formatter = new ApiPathFormatter(codecs);
        this.defaults = new DefaultsFilter(new DefaultValues(codecs));
        this.fields = new FieldsFilter(context);
        this.actions = new ActionResolver(parser, context);
        this.operations = new OperationsResource(context);
        this.invoker = new OperationInvoker(codecs, new OperationRegistry(context));
    }

    /**
     * The set for a model context, built on first use.
     *
     * @param context a device's models
     * @return the set shared by every device with this context
     */
    static MountCodecs of(final EffectiveModelContext context) {
        requireNonNull(context);
        try {
            return SHARED.get(context, () -> {
                BUILT.incrementAndGet();
                return new MountCodecs(context);
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException("the codecs of a device's models could not be built", e.getCause());
        }
    }

    /** How many sets were built in this JVM (each distinct context once while it lives). */
    static long built() {
        return BUILT.get();
    }

    /** The yangtools codecs. */
    ModelCodecs codecs() {
        return codecs;
    }

    /** Parses API paths in the device's models. */
    ApiPathParser parser() {
        return parser;
    }

    /** Reads request bodies. */
    BodyReader reader() {
        return reader;
    }

    /** Writes answers. */
    BodyWriter writer() {
        return writer;
    }

    /** Writes API paths (for {@code Location}). */
    ApiPathFormatter formatter() {
        return formatter;
    }

    /** with-defaults. */
    DefaultsFilter defaults() {
        return defaults;
    }

    /** fields. */
    FieldsFilter fields() {
        return fields;
    }

    /** Finds actions at the end of API paths. */
    ActionResolver actions() {
        return actions;
    }

    /** The device's RPCs by name. */
    OperationsResource operations() {
        return operations;
    }

    /** Reads operation inputs and writes outputs. */
    OperationInvoker invoker() {
        return invoker;
    }
}
