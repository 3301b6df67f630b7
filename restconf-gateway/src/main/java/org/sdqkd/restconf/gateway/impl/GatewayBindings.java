package org.sdqkd.restconf.gateway.impl;

import java.util.ServiceLoader;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.sdqkd.datastore.YangModels;

/**
 * The binding codec of the gateway's own modules (ietf-yang-library, ietf-restconf-monitoring,
 * ietf-netconf-notifications), built once per process on the binding runtime context of the class path's models
 * ({@link YangModels#projectBindings()}, which holds those modules' bindings too): it does not depend on the served
 * models, and it shares the one parse of the class path's models with the rest of the program.
 */
final class GatewayBindings {
    private GatewayBindings() {
        // no instances
    }

    private static final class Holder {
        static final BindingDataCodec CODEC = ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no binding codec on the class path"))
            .newBindingDataCodec(YangModels.projectBindings());
    }

    /** The codec. */
    static BindingDataCodec codec() {
        return Holder.CODEC;
    }
}
