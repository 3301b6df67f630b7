package org.sdqkd.controller.impl.topology;

import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;

/** The binding codec the tests share: it takes a second or two to make. */
final class Codec {
    static final BindingDataCodec INSTANCE = LiveTopology.newBindingCodec();

    private Codec() {
    }
}
