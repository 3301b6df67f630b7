package org.sdqkd.restconf.gateway.impl;

import java.util.ServiceLoader;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.notifications.rev120206.NetconfConfigChange;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.restconf.monitoring.rev170126.RestconfState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.YangLibrary;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;

/**
 * The binding codec of the gateway's own modules (ietf-yang-library, ietf-restconf-monitoring,
 * ietf-netconf-notifications), built once per process: it does not depend on the served models, and building a
 * binding runtime context takes a second or two.
 */
final class GatewayBindings {
    private GatewayBindings() {
        // no instances
    }

    private static final class Holder {
        static final BindingDataCodec CODEC = ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no binding codec on the class path"))
            .newBindingDataCodec(BindingRuntimeHelpers.createRuntimeContext(YangLibrary.class, RestconfState.class,
                NetconfConfigChange.class));
    }

    /** The codec. */
    static BindingDataCodec codec() {
        return Holder.CODEC;
    }
}
