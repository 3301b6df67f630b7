package org.sdqkd.nacm;

import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.nacm.api.AccessControl;
import org.sdqkd.nacm.impl.NacmEngine;

/** Creates the RFC 8341 access control of an agent; the one place that wires {@code impl}. */
public final class Nacm {
    private Nacm() {
        // static only
    }

    /**
     * The access control of an agent whose running datastore's current root the supplier returns. The binding codec
     * is created from the bindings on the class path (about a second), so create one engine per agent and share it
     * between its NETCONF and RESTCONF front ends.
     *
     * @param context the agent's models, which must include ietf-netconf-acm@2018-02-14
     * @param running the running datastore's current root
     * @return the engine
     */
    public static AccessControl engine(final EffectiveModelContext context, final Supplier<ContainerNode> running) {
        return engine(context, ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no BindingDataCodecFactory on the class path"))
            .newBindingDataCodec(BindingRuntimeHelpers.createRuntimeContext()).nodeSerializer(), running);
    }

    /**
     * The access control of an agent, with a binding codec the caller already has.
     *
     * @param context the agent's models
     * @param codec the binding codec of those models
     * @param running the running datastore's current root
     * @return the engine
     */
    public static AccessControl engine(final EffectiveModelContext context,
            final BindingNormalizedNodeSerializer codec, final Supplier<ContainerNode> running) {
        return new NacmEngine(context, codec, running);
    }
}
