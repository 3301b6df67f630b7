package org.sdqkd.datastore.impl;

import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The models of every YANG binding on the class path: sdqkd's generated bindings and the IETF model
 * artifacts they depend on. Parsed once, on first use.
 */
public final class ClassPathModels {
    private static final class Holder {
        static final EffectiveModelContext CONTEXT =
            BindingRuntimeHelpers.createEffectiveModel(BindingRuntimeHelpers.loadModuleInfos());
    }

    private ClassPathModels() {
        // no instances
    }

    /** The model context, parsed on first call. */
    public static EffectiveModelContext context() {
        return Holder.CONTEXT;
    }
}
