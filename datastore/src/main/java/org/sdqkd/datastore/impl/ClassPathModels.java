package org.sdqkd.datastore.impl;

import java.util.ServiceLoader;
import org.opendaylight.yangtools.binding.runtime.api.BindingRuntimeContext;
import org.opendaylight.yangtools.binding.runtime.api.BindingRuntimeGenerator;
import org.opendaylight.yangtools.binding.runtime.api.DefaultBindingRuntimeContext;
import org.opendaylight.yangtools.binding.runtime.api.ModuleInfoSnapshot;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.binding.runtime.spi.ModuleInfoSnapshotBuilder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;

/**
 * The models of every YANG binding on the class path: sdqkd's generated bindings and the IETF model artifacts they
 * depend on. The YANG text is parsed once per process, on first use, into one {@link ModuleInfoSnapshot}; the model
 * context and the binding runtime context (made on first use as well: it only adds the Java type mapping) both come
 * from it, so that the datastore, the RESTCONF gateway and every binding codec share one parse.
 */
public final class ClassPathModels {
    private static final class Snapshot {
        static final ModuleInfoSnapshot INSTANCE = parse();
    }

    private static final class Runtime {
        static final BindingRuntimeContext INSTANCE = new DefaultBindingRuntimeContext(
            ServiceLoader.load(BindingRuntimeGenerator.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no BindingRuntimeGenerator on the class path"))
                .generateTypeMapping(Snapshot.INSTANCE.modelContext()), Snapshot.INSTANCE);
    }

    private ClassPathModels() {
        // no instances
    }

    /** The model context, parsed on first call. */
    public static EffectiveModelContext context() {
        return Snapshot.INSTANCE.modelContext();
    }

    /** The binding runtime context of the same models ({@link #context()}), made on first call. */
    public static BindingRuntimeContext runtime() {
        return Runtime.INSTANCE;
    }

    private static ModuleInfoSnapshot parse() {
        final YangParserFactory parsers = ServiceLoader.load(YangParserFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no YangParserFactory on the class path"));
        try {
            return new ModuleInfoSnapshotBuilder(parsers).add(BindingRuntimeHelpers.loadModuleInfos()).build();
        } catch (YangParserException e) {
            throw new IllegalStateException("the models of the bindings on the class path do not parse", e);
        }
    }
}
